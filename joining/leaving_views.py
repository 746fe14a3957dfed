"""The page where an association leaves the collective at its own request, in the extranet
(/extranet/adhesion/<slug>/quitter/, see joining/urls.py): GET explains what happens and asks
for the last day, POST ends the adhesion (joining.leaving). Its representative, or a
coordinator, only."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from directory.models import Association
from extranet.accounts.permissions import forget, member_required
from joining.forms import LeaveForm
from joining.leaving import adhesion_to_end, can_leave, end_adhesion, scheduled_end
from joining.models import EndReason


@never_cache
@member_required
def leave(request, slug):
    association = get_object_or_404(Association, slug=slug)
    if not can_leave(request.user, association):
        raise PermissionDenied
    today = timezone.localdate()
    ending = scheduled_end(association)
    is_member = ending is None and adhesion_to_end(association, today) is not None
    form = LeaveForm(request.POST or None, initial={"ends_on": today})
    status = 200
    if request.method == "POST":
        if is_member and form.is_valid():
            try:
                end_adhesion(association, on=form.cleaned_data["ends_on"],
                             reason=EndReason.LEFT, note=form.cleaned_data["note"],
                             by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                forget(request.user)
                messages.success(request, _(
                    "Le départ de %(name)s est enregistré. Un courriel le confirme à ses "
                    "membres et à la coordination.") % {"name": association.name})
                return redirect("extranet:home")
        status = 400 if is_member else 409
    return render(request, "joining/leave.html", {
        "association": association, "form": form if is_member else None, "ending": ending,
    }, status=status)
