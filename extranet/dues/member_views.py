"""The associations' dues pages: each association's dues of the year (declare the annual
budget, see the amount, whether it is paid and how to pay), its history and the year's scale;
and the declaration's own page, where the treasurer (a coordinator) declares for an
association too. The representative of the association or a coordinator declares; every
person acting for the association sees its dues and receipts."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Association
from extranet.accounts.permissions import association_ids, is_coordinator, member_required
from extranet.dues import services
from extranet.dues.forms import DeclareForm
from extranet.dues.models import Dues, DuesScale
from extranet.dues.models.scale import FIRST_YEAR


@member_required
def dues_home(request):
    year = services.current_year()
    scale = DuesScale.for_year(year)
    return render(request, "extranet/dues/home.html", {
        "year": year,
        "associations": services.associations_with_dues(request.user, year),
        "scale_rows": services.scale_rows(scale) if scale else [],
        "payment_instructions": settings.DUES_PAYMENT_INSTRUCTIONS,
        "list_url": reverse("extranet:dues_list") if is_coordinator(request.user) else None,
    })


@member_required
def dues_declare(request, association_id, year):
    """GET: the form of the annual budget; POST: declares it (again, while unpaid)."""
    association = get_object_or_404(Association, pk=association_id)
    if not services.may_declare(request.user, association):
        raise PermissionDenied
    current = services.current_year()
    if year < FIRST_YEAR or year > current or (
            year != current and not is_coordinator(request.user)):
        raise Http404
    dues = Dues.objects.filter(association=association, year=year).first()
    form = DeclareForm(request.POST or None,
                       initial={"budget": dues.budget} if dues else None)
    if request.method == "POST" and form.is_valid():
        try:
            dues = services.declare(association, year, form.cleaned_data["budget"],
                                    by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _(
                "Le budget de « %(association)s » est déclaré : la cotisation %(year)s "
                "s'élève à %(amount)s.") % {"association": association.name, "year": year,
                                             "amount": services.euros(dues.amount)})
            if association.pk in association_ids(request.user):
                return redirect("extranet:dues_home")
            return redirect(f"{reverse('extranet:dues_list')}?annee={year}")
    scale = DuesScale.for_year(year)
    return render(request, "extranet/dues/declare.html", {
        "association": association, "year": year, "dues": dues, "form": form,
        "scale_rows": services.scale_rows(scale) if scale else [],
    })
