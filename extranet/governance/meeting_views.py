"""The pages of a body's meetings: the list, one meeting (date, place, agenda, documents,
attendance and quorum, votes, minutes), convening, moving and cancelling it, and its
documents' downloads. What is done during the meeting is meeting_session_views'. Who may do
what is extranet.governance.permissions'; the changes are extranet.governance.meetings'."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.accounts.permissions import member_required
from extranet.documents import links
from extranet.governance import meetings
from extranet.governance.meeting_forms import BodyMeetingForm
from extranet.governance.models import (
    Attendance,
    Ballot,
    Body,
    BodyMeeting,
    MeetingDocument,
)
from extranet.governance.permissions import (
    can_convene,
    can_give_meeting_proxy,
    can_keep_meeting,
    can_read_governance,
)
from extranet.groups.models import Meeting
from portal.uploads import private_download

PAGE_SIZE = 20  # past meetings, a page
UPCOMING = 50  # more than any collective convenes ahead


def body_meeting_or_404(body_meeting_id):
    return get_object_or_404(
        BodyMeeting.objects.select_related("meeting", "body", "secretary",
                                           "minutes_approved_at__meeting"),
        pk=body_meeting_id,
    )


def readable(request):
    if not can_read_governance(request.user):
        raise PermissionDenied


@member_required
def body_meeting_list(request):
    """The meetings to come (soonest first), then those past and cancelled (latest first)."""
    readable(request)
    now = timezone.now()
    rows = BodyMeeting.objects.select_related("meeting", "body")
    upcoming = list(rows.filter(meeting__in=Meeting.objects.upcoming(now))
                    .order_by("meeting__starts_at", "pk")[:UPCOMING])
    past = rows.exclude(meeting__in=Meeting.objects.upcoming(now)).order_by(
        "-meeting__starts_at", "-pk"
    )
    return render(request, "extranet/governance/meeting_list.html", {
        "upcoming": upcoming,
        "past": Paginator(past, PAGE_SIZE).get_page(request.GET.get("page")),
        "can_convene": can_convene(request.user),
        "bodies": Body.objects.active() if can_convene(request.user) else [],
    })


@member_required
def body_meeting_detail(request, body_meeting_id):
    readable(request)
    body_meeting = body_meeting_or_404(body_meeting_id)
    attendances = {
        row.association_id: row
        for row in Attendance.objects.filter(body_meeting=body_meeting)
        .select_related("represented_by")
    }
    sheet = [(association, attendances.get(association.pk))
             for association in meetings.sitting(body_meeting)]
    previous = meetings.previous_meeting(body_meeting)
    return render(request, "extranet/governance/meeting_detail.html", {
        "body_meeting": body_meeting,
        "meeting": body_meeting.meeting,
        "agenda": body_meeting.agenda_items.select_related("proposal").prefetch_related(
            Prefetch("proposal__ballots",
                     queryset=Ballot.objects.filter(body_meeting=body_meeting),
                     to_attr="meeting_ballots")
        ),
        "documents": body_meeting.documents.all(),
        "library": links.shown(request.user, body_meeting.library_documents),
        "sheet": sheet,
        "quorum": meetings.quorum(body_meeting),
        "proxies": body_meeting.proxies.active().select_related("giver", "holder"),
        "previous": previous,
        "can_convene": can_convene(request.user),
        "can_keep": can_keep_meeting(request.user, body_meeting),
        "can_give_proxy": can_give_meeting_proxy(request.user, body_meeting),
    })


@member_required
def body_meeting_create(request):
    """Convene a meeting of the body named by `?instance=<slug>` (without it: which body?)."""
    if not can_convene(request.user):
        raise PermissionDenied
    if not request.GET.get("instance"):
        return render(request, "extranet/governance/meeting_body_choice.html", {
            "bodies": Body.objects.active(),
        })
    body = get_object_or_404(Body.objects.active(), slug=request.GET["instance"])
    form = BodyMeetingForm(request.POST or None, request.FILES or None, body=body,
                           user=request.user, instance=Meeting())
    if request.method == "POST" and form.is_valid():
        try:
            body_meeting = meetings.convene(
                form.instance, body, agenda=form.agenda(),
                documents=form.cleaned_data["documents"],
                library_documents=form.cleaned_data["library_documents"],
                secretary=form.cleaned_data["secretary"], by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La réunion est convoquée : chaque association de "
                                        "l'instance reçoit sa convocation."))
            return redirect("extranet:body_meeting_detail", body_meeting_id=body_meeting.pk)
    return render(request, "extranet/governance/meeting_form.html", {
        "form": form, "body": body, "body_meeting": None,
    })


@member_required
def body_meeting_edit(request, body_meeting_id):
    """Change the meeting; a move (date, place, link) is sent to the associations."""
    body_meeting = body_meeting_or_404(body_meeting_id)
    if not can_convene(request.user):
        raise PermissionDenied
    if body_meeting.meeting.is_cancelled:
        messages.info(request, _("Cette réunion est annulée : elle ne change plus."))
        return redirect("extranet:body_meeting_detail", body_meeting_id=body_meeting.pk)
    form = BodyMeetingForm(request.POST or None, request.FILES or None, body=body_meeting.body,
                           user=request.user, body_meeting=body_meeting,
                           instance=body_meeting.meeting)
    if request.method == "POST" and form.is_valid():
        body_meeting.secretary = form.cleaned_data["secretary"]
        try:
            meetings.change(body_meeting, agenda=form.agenda(),
                            documents=form.cleaned_data["documents"],
                            library_documents=form.cleaned_data["library_documents"],
                            by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La réunion est enregistrée."))
            return redirect("extranet:body_meeting_detail", body_meeting_id=body_meeting.pk)
    return render(request, "extranet/governance/meeting_form.html", {
        "form": form, "body": body_meeting.body, "body_meeting": body_meeting,
    })


@member_required
def body_meeting_cancel(request, body_meeting_id):
    """GET asks to confirm; POST cancels and tells the associations."""
    body_meeting = body_meeting_or_404(body_meeting_id)
    if not can_convene(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            meetings.cancel(body_meeting, by=request.user)
        except ValidationError as error:
            messages.info(request, " ".join(error.messages))
        else:
            messages.success(request, _("La réunion est annulée : chaque association de "
                                        "l'instance en est prévenue."))
        return redirect("extranet:body_meeting_detail", body_meeting_id=body_meeting.pk)
    return render(request, "extranet/governance/meeting_cancel.html", {
        "body_meeting": body_meeting, "meeting": body_meeting.meeting,
    })


@member_required
def body_meeting_document(request, meeting_document_id):
    """The document, to members only, under its name and the type checked when it was
    added; never shown in the browser's window (nosniff, as an attachment)."""
    readable(request)
    document = get_object_or_404(MeetingDocument, pk=meeting_document_id)
    return private_download(document.file, document.filename, document.content_type)

