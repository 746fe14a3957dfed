"""What is done for and during a body's meeting: an association gives its proxy (before the
meeting), the secretary or a coordinator keeps the attendance sheet, takes the votes of the
associations present or represented and counts them, writes the minutes and, at the next
meeting, has the previous minutes approved."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import Association
from extranet.accounts.permissions import member_required
from extranet.governance import meetings, voting
from extranet.governance.meeting_forms import (
    AttendanceForm,
    MeetingVoteForm,
    MinutesForm,
    ProxyForm,
)
from extranet.governance.meeting_views import body_meeting_or_404
from extranet.governance.models import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Ballot,
    BallotMode,
    Proxy,
)
from extranet.governance.permissions import (
    can_give_meeting_proxy,
    can_keep_meeting,
    represented_ids,
    sitting_ids,
)


def back(body_meeting):
    return redirect("extranet:body_meeting_detail", body_meeting_id=body_meeting.pk)


def kept(request, body_meeting_id):
    """The meeting, if the person keeps it (its secretary, a coordinator); 403 otherwise."""
    body_meeting = body_meeting_or_404(body_meeting_id)
    if not can_keep_meeting(request.user, body_meeting):
        raise PermissionDenied
    return body_meeting


@member_required
def body_meeting_proxy(request, body_meeting_id):
    """The representative gives the proxy of their association for the meeting, or takes it
    back, until the meeting starts."""
    body_meeting = body_meeting_or_404(body_meeting_id)
    if not can_give_meeting_proxy(request.user, body_meeting):
        raise PermissionDenied
    mine = represented_ids(request.user) & sitting_ids(request.user, body_meeting.body)
    givers = Association.objects.filter(pk__in=mine).order_by("name")
    form = ProxyForm(request.POST or None, givers=givers,
                     sitting=meetings.sitting(body_meeting))
    if request.method == "POST" and "take_back" in request.POST:
        wanted = request.POST.get("take_back", "")
        giver = get_object_or_404(givers, pk=wanted if wanted.isdigit() else None)
        try:
            meetings.take_back_proxy(body_meeting, giver, by=request.user)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(request, _("La procuration est reprise."))
        return back(body_meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.give_proxy(body_meeting, form.cleaned_data["giver"],
                                form.cleaned_data["holder"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La procuration est donnée."))
            return back(body_meeting)
    return render(request, "extranet/governance/meeting_proxy.html", {
        "body_meeting": body_meeting, "meeting": body_meeting.meeting, "form": form,
        "given": Proxy.objects.active().filter(body_meeting=body_meeting, giver__in=givers)
        .select_related("giver", "holder"),
    })


def attendance_lines(body_meeting):
    """{association id: (status, holder id)}: the sheet as written, else the proxies given
    for the meeting ("represented" by their holder)."""
    lines = {giver: (AttendanceStatus.REPRESENTED, holder)
             for giver, holder in meetings.meeting_proxies(body_meeting).items()}
    for row in Attendance.objects.filter(body_meeting=body_meeting):
        lines[row.association_id] = (row.status, row.represented_by_id)
    return lines


@member_required
def body_meeting_attendance(request, body_meeting_id):
    body_meeting = kept(request, body_meeting_id)
    form = AttendanceForm(request.POST or None, associations=meetings.sitting(body_meeting),
                          initial_lines=attendance_lines(body_meeting))
    if request.method == "POST" and form.is_valid():
        try:
            meetings.record_attendance(body_meeting, form.lines(), by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La feuille de présence est enregistrée."))
            return back(body_meeting)
    return render(request, "extranet/governance/meeting_attendance.html", {
        "body_meeting": body_meeting, "meeting": body_meeting.meeting, "form": form,
        "quorum": meetings.quorum(body_meeting),
    })


@member_required
@require_POST
def body_meeting_ballot_open(request, body_meeting_id):
    """Put the proposal of an agenda item (`agenda_item` in the POST) to the vote now."""
    body_meeting = kept(request, body_meeting_id)
    if not body_meeting.has_started or body_meeting.meeting.is_cancelled:
        messages.info(request, _("Un vote en réunion s'ouvre pendant la réunion."))
        return back(body_meeting)
    item = AgendaItem.objects.filter(
        body_meeting=body_meeting, proposal__isnull=False, pk=request.POST.get("agenda_item")
        if str(request.POST.get("agenda_item", "")).isdigit() else None,
    ).select_related("proposal__body").first()
    if item is None:
        messages.info(request, _("Choisissez un point de l'ordre du jour mis au vote."))
        return back(body_meeting)
    try:
        ballot = voting.open_ballot(item.proposal, by=request.user, mode=BallotMode.MEETING,
                                    body_meeting=body_meeting)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
        return back(body_meeting)
    return redirect("extranet:body_meeting_ballot", body_meeting_id=body_meeting.pk,
                    meeting_ballot_id=ballot.pk)


@member_required
def body_meeting_ballot(request, body_meeting_id, meeting_ballot_id):
    """Note each association's vote (present or represented), then count the ballot."""
    body_meeting = kept(request, body_meeting_id)
    ballot = get_object_or_404(Ballot.objects.select_related("proposal__body"),
                               pk=meeting_ballot_id, body_meeting=body_meeting)
    voters = Association.objects.filter(
        pk__in=ballot.electors.values("association_id")
    ).order_by("name")
    form = MeetingVoteForm(request.POST or None, voters=voters)
    if request.method == "POST":
        try:
            if "close" in request.POST:
                voting.close_ballot(ballot, by=request.user)
                messages.success(request, _("Le vote est dépouillé."))
                return redirect(request.path)
            if form.is_valid():
                voting.record_meeting_vote(ballot, form.cleaned_data["association"],
                                           form.cleaned_data["choice"], by=request.user)
                messages.success(request, _("La voix est notée."))
                return redirect(request.path)
        except ValidationError as error:
            form.add_error(None, error)
    ballot.refresh_from_db()
    return render(request, "extranet/governance/meeting_ballot.html", {
        "body_meeting": body_meeting, "meeting": body_meeting.meeting, "ballot": ballot,
        "form": form, "tally": None if ballot.is_closed else voting.count(ballot),
        "votes": ballot.votes.select_related("association", "proxy_holder")
        .order_by("association__name"),
    })


@member_required
def body_meeting_minutes(request, body_meeting_id):
    body_meeting = kept(request, body_meeting_id)
    open_to_write = body_meeting.has_started and not body_meeting.minutes_are_approved
    form = MinutesForm(request.POST or None, initial={"minutes": body_meeting.minutes})
    if request.method == "POST" and form.is_valid():
        try:
            meetings.write_minutes(body_meeting, form.cleaned_data["minutes"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Le compte rendu est enregistré."))
            return back(body_meeting)
    return render(request, "extranet/governance/meeting_minutes.html", {
        "body_meeting": body_meeting, "meeting": body_meeting.meeting, "form": form,
        "open_to_write": open_to_write,
    })


@member_required
@require_POST
def body_meeting_approve_minutes(request, body_meeting_id):
    """At this meeting, the minutes of the body's previous meeting are approved."""
    body_meeting = kept(request, body_meeting_id)
    previous = meetings.previous_meeting(body_meeting)
    if previous is None:
        messages.info(request, _("Cette instance n'a pas de réunion précédente."))
        return back(body_meeting)
    try:
        meetings.approve_minutes(previous, at=body_meeting, by=request.user)
    except ValidationError as error:
        messages.info(request, " ".join(error.messages))
    else:
        messages.success(request, _("Le compte rendu de la réunion précédente est approuvé."))
    return back(body_meeting)
