"""The bodies' pages: the bodies and their rules, one body (its members, its open proposals,
its seats over time), and, for coordinators, creating and changing a body and its seats.
Who may do what is extranet/governance/permissions.py's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Association
from extranet.accounts.permissions import member_required
from extranet.governance.body_forms import BodyForm, SeatForm
from extranet.governance.models import Body, BodySeat, Proposal
from extranet.governance.models.bodies import current_filter
from extranet.governance.permissions import can_manage_bodies, can_propose


def _body(body_slug):
    return get_object_or_404(Body, slug=body_slug)


def with_member_counts(bodies):
    """Each body's number of member associations sitting today, in one query (the plenary's
    is every member association: `plenary_count`)."""
    sitting = (
        BodySeat.objects.filter(current_filter(timezone.localdate()), body=OuterRef("pk"),
                                association__in=Association.objects.members())
        .order_by().values("body").annotate(count=Count("pk")).values("count")
    )
    return bodies.annotate(seat_count=Coalesce(
        Subquery(sitting, output_field=IntegerField()), Value(0)
    ))


@member_required
def body_list(request):
    """The active bodies with their rules and members, then the archived ones."""
    bodies = list(with_member_counts(Body.objects.all()))
    member_count = Association.objects.members().count()
    for body in bodies:
        body.member_count = member_count if body.is_plenary else body.seat_count
    return render(request, "extranet/governance/body_list.html", {
        "active_bodies": [body for body in bodies if not body.archived_on],
        "archived_bodies": [body for body in bodies if body.archived_on],
        "can_manage": can_manage_bodies(request.user),
    })


@member_required
def body_detail(request, body_slug):
    """A body's role and rules, who sits in it, its open proposals and its seats."""
    body = _body(body_slug)
    open_proposals = (
        Proposal.objects.open().filter(body=body).select_related("author_association")
    )
    seats = (body.seats.select_related("association").order_by("-starts_on", "pk")
             if not body.is_plenary else BodySeat.objects.none())
    return render(request, "extranet/governance/body_detail.html", {
        "body": body,
        "member_associations": body.member_associations().order_by("name"),
        "open_proposals": open_proposals,
        "seats": seats,
        "can_manage": can_manage_bodies(request.user),
        "can_propose": can_propose(request.user, body),
    })


@member_required
def body_create(request):
    if not can_manage_bodies(request.user):
        raise PermissionDenied
    return _body_form(request, Body(), _("L'instance « %(name)s » est créée."))


@member_required
def body_edit(request, body_slug):
    if not can_manage_bodies(request.user):
        raise PermissionDenied
    return _body_form(request, _body(body_slug), _("L'instance « %(name)s » est modifiée."))


def _body_form(request, body, done):
    is_new = body.pk is None
    form = BodyForm(request.POST or None, instance=body)
    if request.method == "POST" and form.is_valid():
        body = form.save()
        messages.success(request, done % {"name": body.name})
        return redirect("extranet:body_detail", body_slug=body.slug)
    return render(request, "extranet/governance/body_form.html", {
        "form": form, "body": None if is_new else body,
    })


@member_required
def body_seats(request, body_slug):
    """The seats of a body (not the plenary's: every member sits there): give one to a member
    association, end one today (POST `end` = the seat). Seats are never deleted."""
    if not can_manage_bodies(request.user):
        raise PermissionDenied
    body = _body(body_slug)
    if body.is_plenary:
        messages.info(request, _("Toutes les associations membres siègent à l'assemblée "
                                 "plénière : elle n'a pas de sièges à donner."))
        return redirect("extranet:body_detail", body_slug=body.slug)
    if request.method == "POST" and "end" in request.POST:
        return _end_seat(request, body)
    form = SeatForm(request.POST or None, body=body)
    if request.method == "POST" and form.is_valid():
        seat = form.save()
        messages.success(request, _("%(association)s siège désormais dans l'instance.")
                         % {"association": seat.association.name})
        return redirect("extranet:body_seats", body_slug=body.slug)
    return render(request, "extranet/governance/body_seats.html", {
        "body": body,
        "form": form,
        "seats": body.seats.select_related("association").order_by("ends_on", "-starts_on",
                                                                     "pk"),
        "today": timezone.localdate(),
    })


def _end_seat(request, body):
    seat_id = request.POST.get("end", "")
    if not seat_id.isdigit():
        raise Http404
    seat = get_object_or_404(body.seats.select_related("association"), pk=seat_id,
                             ends_on__isnull=True)
    today = timezone.localdate()
    if seat.starts_on > today:
        messages.error(request, _("Ce siège ne commence que le %(date)s : il ne peut pas "
                                  "finir avant.") % {"date": f"{seat.starts_on:%d/%m/%Y}"})
    else:
        seat.ends_on = today
        seat.save(update_fields=["ends_on"])
        messages.success(request, _("%(association)s ne siège plus dans l'instance.")
                         % {"association": seat.association.name})
    return redirect("extranet:body_seats", body_slug=body.slug)
