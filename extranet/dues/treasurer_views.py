"""The treasurer's pages of the dues (every coordinator's: the treasurer is one of them):
the list of a year's dues with its totals, its CSV export, and recording (or correcting) the
payment of a dues (extranet.dues.payments holds the rules)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from extranet.accounts.permissions import is_coordinator, member_required
from extranet.dues import exports, payments, services, tracking
from extranet.dues.forms import PaymentForm, TrackingFilterForm
from extranet.dues.models import Dues

PER_PAGE = 100


def _coordinators_only(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


@member_required
@require_safe
def dues_list(request):
    _coordinators_only(request)
    form = TrackingFilterForm(request.GET or None)
    year, state = form.year(), form.state()
    associations = tracking.tracked(year)
    shown = tracking.with_state(associations, state) if state else associations
    page = Paginator(shown, PER_PAGE).get_page(request.GET.get("page"))
    kept = {key: value for key, value in (("annee", year), ("etat", state)) if value}
    return render(request, "extranet/dues/list.html", {
        "form": form, "year": year, "state": state, "page": page,
        "rows": tracking.rows(page), "totals": tracking.totals(associations),
        "query_string": urlencode(kept), "current_year": services.current_year(),
    })


@member_required
@require_safe
def dues_export(request):
    _coordinators_only(request)
    year = TrackingFilterForm(request.GET or None).year()
    response = StreamingHttpResponse(exports.csv_chunks(tracking.tracked(year), year),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cotisations-{year}.csv"'
    return response


def _dues(request, dues_id):
    _coordinators_only(request)
    return get_object_or_404(Dues.objects.select_related("association"), pk=dues_id)


def _back_to_list(dues):
    return redirect(f"{reverse('extranet:dues_list')}?{urlencode({'annee': dues.year})}")


@member_required
def dues_record_payment(request, dues_id):
    """GET: the form of the payment; POST: records it (a paid dues: its correction)."""
    dues = _dues(request, dues_id)
    if dues.is_paid:
        return redirect("extranet:dues_payment_edit", dues.pk)
    return _payment(request, dues, payments.record_payment, _(
        "Le paiement de « %(association)s » est enregistré : reçu n° %(number)s."))


@member_required
def dues_payment_edit(request, dues_id):
    """GET: the recorded payment's form; POST: corrects its date, means and reference."""
    dues = _dues(request, dues_id)
    if not dues.is_paid:
        raise Http404
    return _payment(request, dues, payments.correct_payment, _(
        "Le paiement de « %(association)s » est corrigé (reçu n° %(number)s)."))


def _payment(request, dues, act, success):
    form = PaymentForm.of(dues, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            dues = act(dues, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success % {"association": dues.association.name,
                                                 "number": dues.receipt_number})
            return _back_to_list(dues)
    return render(request, "extranet/dues/payment_form.html", {
        "dues": dues, "form": form, "amount": services.euros(dues.amount),
    })
