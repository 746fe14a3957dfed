"""The emails of a body's meetings: the convocation, the update when it moves, the
cancellation. Each goes to every person acting today for an association of the body (active,
with an address), with the meeting as an iCalendar invitation (extranet.governance.calendars)
that their calendar adds, moves or removes. The convocation lists the library's documents
the meeting cites that the person reads, each with its address in the extranet."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from extranet.accounts.models import Membership
from extranet.documents import links
from extranet.governance.calendars import CANCEL, REQUEST, meeting_ics
from extranet.governance.models import BodyMeeting
from portal.emails import absolute_url, one_line

KINDS = ("convocation", "update", "cancellation")


def recipients(body):
    """The people acting today for an association of the body, each once."""
    return get_user_model().objects.filter(is_active=True).exclude(email="").filter(
        Exists(Membership.objects.current().filter(
            person=OuterRef("pk"), association__in=body.member_associations(),
        ))
    ).order_by("pk")


def notice(body_meeting, kind, person, connection=None):
    """The email `kind` for one person, with its .ics."""
    assert kind in KINDS, kind
    meeting = body_meeting.meeting
    library = (links.for_reader(person, body_meeting.library_documents.all())
               if kind == "convocation" else links.Links())
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "body_meeting": body_meeting, "meeting": meeting, "body": body_meeting.body,
            "person": person, "site_name": settings.WAGTAIL_SITE_NAME,
            "starts_at": timezone.localtime(meeting.starts_at),
            "ends_at": timezone.localtime(meeting.ends_at) if meeting.ends_at else None,
            "agenda": list(body_meeting.agenda_items.all()),
            "url": absolute_url(reverse("extranet:body_meeting_detail",
                                        args=[body_meeting.pk])),
            "proxy_url": absolute_url(reverse("extranet:body_meeting_proxy",
                                              args=[body_meeting.pk])),
            "library": library,
            "library_documents": [
                (document.title, absolute_url(reverse("extranet:document_detail",
                                                      args=[document.pk])))
                for document in library.readable
            ],
        }
        subject = one_line(render_to_string(
            f"extranet/governance/emails/meeting_{kind}_subject.txt", context
        ))
        body = render_to_string(f"extranet/governance/emails/meeting_{kind}.txt", context)
    method = CANCEL if kind == "cancellation" else REQUEST
    message = EmailMessage(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body, None,
                           [person.email], connection=connection)
    message.attach("reunion.ics", meeting_ics(body_meeting, method),
                   f"text/calendar; method={method}")
    return message


def send(body_meeting_id, kind):
    """Send the `kind` email of the meeting to each of its recipients; the number sent."""
    body_meeting = BodyMeeting.objects.select_related("meeting", "body").prefetch_related(
        links.prefetch()
    ).filter(pk=body_meeting_id).first()
    if body_meeting is None:
        return 0
    if kind != "cancellation" and body_meeting.meeting.is_cancelled:
        return 0  # cancelled meanwhile: its cancellation says so
    sent = 0
    with get_connection() as connection:
        for person in recipients(body_meeting.body).iterator():
            sent += notice(body_meeting, kind, person, connection).send()
    return sent
