"""A body's meetings, each operation done `by` a person (the views check who may:
extranet.governance.permissions): convening (the groups' `Meeting`, its `BodyMeeting`, its
agenda and documents), moving and cancelling (each telling every person acting for an
association of the body, in the background), the proxies given for a meeting, the
attendance sheet and its quorum, the minutes and their approval at the next meeting."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.documents import links
from extranet.governance import rules
from extranet.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    BodyMeeting,
    MeetingDocument,
    Proxy,
)
from extranet.governance.models.meetings import COUNTED
from extranet.governance.tasks import send_meeting_notice
from portal.background import enqueue_after_commit
from portal.uploads import clean_filename, content_type_of

# What, when it changes, makes the associations' calendars out of date.
NOTIFIED_FIELDS = ("starts_at", "ends_at", "place", "online_url")


@dataclass(frozen=True)
class Quorum:
    present: int  # associations present or represented
    total: int  # associations of the body on the day of the meeting
    percent: int  # the body's quorum

    @property
    def met(self):
        return rules.quorum_met(
            rules.Tally(self.total, self.present, 0, 0, 0), self.percent
        )


def sitting(body_meeting):
    """The associations of the body on the day of the meeting, by name."""
    day = timezone.localdate(body_meeting.meeting.starts_at)
    return body_meeting.body.member_associations(on=day).order_by("name")


def quorum(body_meeting):
    """The quorum as the attendance sheet stands (two queries)."""
    associations = sitting(body_meeting)
    present = body_meeting.attendances.filter(
        status__in=COUNTED, association__in=associations
    ).count()
    return Quorum(present, associations.count(), body_meeting.body.quorum_percent)


@transaction.atomic
def convene(meeting, body, *, agenda, documents=(), library_documents=(), secretary=None,
            by):
    """Save the meeting (`Meeting`, no group) of `body`, its agenda (a list of (title,
    proposal or None)), documents (checked uploads) and the library's documents it cites
    (chosen among those `by` reads), and send the convocation."""
    if body.archived_on:
        raise ValidationError(_("Cette instance est archivée : elle ne se réunit plus."))
    meeting.group, meeting.created_by = None, by
    meeting.agenda = agenda_text(agenda)
    meeting.full_clean()
    meeting.save()
    body_meeting = BodyMeeting(meeting=meeting, body=body, secretary=secretary,
                               convened_at=timezone.now())
    body_meeting.full_clean()
    body_meeting.save()
    write_agenda(body_meeting, agenda)
    attach(body_meeting, documents, by)
    body_meeting.library_documents.set(library_documents)
    enqueue_after_commit(send_meeting_notice, body_meeting.pk, "convocation")
    return body_meeting


@transaction.atomic
def change(body_meeting, *, agenda, documents=(), library_documents=None, by):
    """Save the changes of a meeting (its `meeting` holds the form's values) and, when
    given, the library's documents it cites (those `by` does not read stay linked); a move
    (date, place, link) raises the invitation's SEQUENCE and tells the associations."""
    meeting = body_meeting.meeting
    if meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est annulée : elle ne change plus."))
    before = meeting.__class__.objects.select_for_update().get(pk=meeting.pk)
    moved = any(getattr(before, name) != getattr(meeting, name) for name in NOTIFIED_FIELDS)
    meeting.agenda = agenda_text(agenda)
    meeting.full_clean()
    meeting.save()
    body_meeting.full_clean()
    if moved:
        body_meeting.sequence += 1
    body_meeting.save()
    write_agenda(body_meeting, agenda)
    attach(body_meeting, documents, by)
    if library_documents is not None:
        links.relink(body_meeting.library_documents, library_documents, by)
    if moved:
        enqueue_after_commit(send_meeting_notice, body_meeting.pk, "update")
    return body_meeting


@transaction.atomic
def cancel(body_meeting, *, by):
    """Cancel the meeting (it stays, marked cancelled) and tell the associations."""
    meeting = body_meeting.meeting
    if meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est déjà annulée."))
    if body_meeting.ballots.exists():
        raise ValidationError(_("Des votes ont eu lieu pendant cette réunion : elle ne "
                                "s'annule plus."))
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    body_meeting.sequence += 1
    body_meeting.save(update_fields=["sequence"])
    enqueue_after_commit(send_meeting_notice, body_meeting.pk, "cancellation")
    return body_meeting


def agenda_text(agenda):
    """The agenda as the groups' `Meeting.agenda` keeps it: one point a line."""
    return "\n".join(f"{rank}. {title}" for rank, (title, _proposal) in enumerate(agenda, 1))


def write_agenda(body_meeting, agenda):
    body_meeting.agenda_items.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(body_meeting=body_meeting, position=rank, title=title[:200],
                   proposal=proposal)
        for rank, (title, proposal) in enumerate(agenda, 1)
    )


def attach(body_meeting, uploads, by):
    for upload in uploads:
        name = clean_filename(upload.name)
        document = MeetingDocument(body_meeting=body_meeting, filename=name[:255],
                                   content_type=content_type_of(name), size=upload.size,
                                   uploaded_by=by)
        document.file.save(name, upload, save=False)
        document.save()


def give_proxy(body_meeting, giver, holder, *, by):
    """`giver` hands its vote at the meeting to `holder` (Proxy.clean gives the limits)."""
    if body_meeting.has_started or body_meeting.meeting.is_cancelled:
        raise ValidationError(_("La réunion a commencé : les procurations ne changent plus."))
    proxy = Proxy(giver=giver, holder=holder, body_meeting=body_meeting, given_by=by)
    proxy.full_clean()
    try:
        with transaction.atomic():
            proxy.save()
    except IntegrityError as error:  # Two clicks at once: the constraint keeps one.
        raise ValidationError(_("Cette association a déjà donné procuration pour cette "
                                "réunion.")) from error
    return proxy


def take_back_proxy(body_meeting, giver, *, by):
    if body_meeting.has_started:
        raise ValidationError(_("La réunion a commencé : les procurations ne changent plus."))
    taken = Proxy.objects.active().filter(body_meeting=body_meeting, giver=giver).update(
        revoked_at=timezone.now()
    )
    if not taken:
        raise ValidationError(_("Cette association n'a pas donné procuration pour cette "
                                "réunion."))


def meeting_proxies(body_meeting):
    """{giver id: holder id} of the active proxies given for the meeting."""
    return dict(Proxy.objects.active().filter(body_meeting=body_meeting)
                .values_list("giver_id", "holder_id"))


@transaction.atomic
def record_attendance(body_meeting, lines, *, by):
    """Write the attendance sheet: `lines` is [(association, status, represented_by)]."""
    if body_meeting.meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est annulée."))
    if body_meeting.ballots.filter(closed_at__isnull=False).exists():
        raise ValidationError(_("Un vote de cette réunion est dépouillé : la feuille de "
                                "présence ne change plus."))
    for association, status, holder in lines:
        if status != AttendanceStatus.REPRESENTED:
            holder = None
        attendance = Attendance(body_meeting=body_meeting, association=association,
                                status=status, represented_by=holder, recorded_by=by)
        attendance.full_clean(exclude=["body_meeting", "association"], validate_unique=False,
                              validate_constraints=True)
        Attendance.objects.update_or_create(
            body_meeting=body_meeting, association=association,
            defaults={"status": status, "represented_by": holder, "recorded_by": by},
        )


def write_minutes(body_meeting, minutes, *, by):
    if not body_meeting.has_started:
        raise ValidationError(_("Le compte rendu s'écrit une fois la réunion commencée."))
    if body_meeting.minutes_are_approved:
        raise ValidationError(_("Ce compte rendu est approuvé : il ne change plus."))
    body_meeting.minutes, body_meeting.minutes_written_at = minutes, timezone.now()
    body_meeting.save(update_fields=["minutes", "minutes_written_at"])
    return body_meeting


def previous_meeting(body_meeting):
    """The body's meeting before this one (not cancelled), whose minutes this one approves."""
    return BodyMeeting.objects.filter(
        body_id=body_meeting.body_id, meeting__cancelled_at__isnull=True,
        meeting__starts_at__lt=body_meeting.meeting.starts_at,
    ).select_related("meeting").order_by("-meeting__starts_at", "-pk").first()


def approve_minutes(previous, *, at, by):
    """At the meeting `at`, the minutes of `previous` are approved (and then frozen)."""
    if previous.minutes_are_approved:
        raise ValidationError(_("Ce compte rendu est déjà approuvé."))
    if not previous.minutes:
        raise ValidationError(_("Ce compte rendu n'est pas encore écrit."))
    if not at.has_started:
        raise ValidationError(_("Un compte rendu s'approuve pendant la réunion suivante."))
    previous.minutes_approved_at = at
    previous.full_clean()
    previous.save(update_fields=["minutes_approved_at"])
    return previous
