"""The coordination's pages: who coordinates and who did (every member), the rotation order
(coordinators) and the handover list (coordinators and the incoming team). Who may do what
is extranet/governance/permissions.py's; the changes are extranet.governance.coordination's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Association
from extranet.accounts.permissions import member_required
from extranet.governance import coordination, handover
from extranet.governance.coordination_forms import RotationForm
from extranet.governance.models import Body, CoordinationTerm, RotationPlace
from extranet.governance.permissions import (
    can_hand_over,
    can_manage_rotation,
    can_read_coordination,
    can_read_handover,
)

HISTORY_PAGE = 20


def _with_associations(terms):
    return terms.select_related("body", "decision").prefetch_related(Prefetch(
        "associations", queryset=Association.objects.only("pk", "name").order_by("name"),
    ))


@member_required
def coordination_history(request):
    """The current term, the next ones, every term (newest first) and the rotation order."""
    if not can_read_coordination(request.user):
        raise PermissionDenied
    current, upcoming = coordination.current_and_upcoming()
    terms = _with_associations(CoordinationTerm.objects.order_by("-starts_on", "-pk"))
    rotation = (
        RotationPlace.objects.filter(body__coordination_term_months__isnull=False,
                                     body__archived_on__isnull=True)
        .select_related("body", "association").order_by("body__name", "body_id", "position")
    )
    can_manage = can_manage_rotation(request.user)
    return render(request, "extranet/governance/coordination.html", {
        "current_terms": current,
        "upcoming_terms": upcoming,
        "history": Paginator(terms, HISTORY_PAGE).get_page(request.GET.get("page")),
        "rotation": rotation,
        "can_manage": can_manage,
        "unsettled": list(coordination.unsettled_decisions()) if can_manage else [],
    })


def _chosen_body(request):
    bodies = list(Body.objects.active().filter(coordination_term_months__isnull=False)
                  .order_by("name"))
    wanted = request.GET.get("instance")
    chosen = next((body for body in bodies if body.slug == wanted), None)
    return bodies, chosen or (bodies[0] if bodies else None)


@member_required
def coordination_rotation(request):
    """Set a body's rotation order; designate the next term by it."""
    if not can_manage_rotation(request.user):
        raise PermissionDenied
    bodies, body = _chosen_body(request)
    if body is None:
        return render(request, "extranet/governance/coordination_rotation.html",
                      {"bodies": bodies, "body": None})
    here = f"{reverse('extranet:coordination_rotation')}?instance={body.slug}"
    if request.method == "POST" and request.POST.get("action") == "designate":
        return _designate(request, body, here)
    form = RotationForm(
        request.POST or None,
        associations=body.member_associations().only("pk", "name").order_by("name", "pk"),
        places=body.rotation_places.all(),
    )
    if request.method == "POST" and form.is_valid():
        try:
            coordination.set_rotation(body, form.cleaned_data["order"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("L'ordre de rotation est enregistré."))
            return redirect(here)
    return render(request, "extranet/governance/coordination_rotation.html", {
        "bodies": bodies, "body": body, "form": form,
        "places": body.rotation_places.select_related("association").order_by("position"),
    })


def _designate(request, body, here):
    try:
        term = coordination.next_by_rotation(body, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(here)
    messages.success(request, _(
        "%(associations)s coordonnera du %(start)s au %(end)s."
    ) % {
        "associations": ", ".join(a.name for a in term.associations.all()),
        "start": f"{term.starts_on:%d/%m/%Y}", "end": f"{term.ends_on:%d/%m/%Y}",
    })
    return redirect("extranet:coordination_history")


@member_required
def coordination_handover(request):
    """What the outgoing coordination leaves open; "passation faite" on POST."""
    if not can_read_handover(request.user):
        raise PermissionDenied
    current, upcoming = coordination.current_and_upcoming()
    if request.method == "POST":
        if not can_hand_over(request.user):
            raise PermissionDenied
        if not current:
            messages.error(request, _("Aucun mandat de coordination ne court aujourd'hui."))
        else:
            for term in current:
                coordination.hand_over(term)
            messages.success(request, _("La passation est enregistrée."))
        return redirect("extranet:coordination_handover")
    return render(request, "extranet/governance/coordination_handover.html", {
        "current_terms": current,
        "upcoming_terms": upcoming[:1],
        "sections": handover.sections(),
        "can_hand_over": can_hand_over(request.user),
    })
