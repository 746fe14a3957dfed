"""The solidarity fund's pages in the extranet: the ledger, which every member reads (where
the collective's money goes: the balance, derived from the entries, what came in and went
out, each entry with its decision), and the coordinators' three writings: a gift, an aid
decided by the register, a correction of an entry. Each writing goes through
extranet.dues.fund, which refuses to take the fund below zero; no page changes nor deletes
an entry."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from extranet.accounts.permissions import is_coordinator, member_required
from extranet.dues import fund
from extranet.dues.fund_forms import AidForm, CorrectionForm, GiftForm, LedgerYearForm
from extranet.dues.models import EntryKind, FundEntry

PER_PAGE = 50


def _coordinators_only(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


def _euros(entry):
    """The entry's amount, signed only for a correction (an aid says "aid", not "-")."""
    amount = entry.amount if entry.kind == EntryKind.CORRECTION else abs(entry.amount)
    return number_format(amount, 2)


@member_required
@require_safe
def fund_ledger(request):
    form = LedgerYearForm(request.GET or None)
    year = form.year()
    entries = FundEntry.objects.all()
    if year:
        entries = entries.filter(entry_date__year=year)
    listed = (entries.select_related("association", "decision", "corrects")
              .prefetch_related(Prefetch("corrections",
                                         queryset=FundEntry.objects.order_by("pk")
                                         .only("pk", "corrects_id")))
              .order_by("-entry_date", "-pk"))
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "extranet/dues/fund_ledger.html", {
        "form": form, "year": year, "page": page, "balance": fund.balance(),
        "totals": entries.totals(), "can_write": is_coordinator(request.user),
        "query_string": urlencode({"annee": year}) if year else "",
    })


def _write(request, form, write, success):
    """Record what the posted `form` says with `write(**cleaned_data)`; on success, say
    `success` (formatted with the entry) and go back to the ledger; else show the errors
    (the fund's refusal too) on the form. None when the page is to be shown (again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        entry = write(**form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error.messages)
        return None
    messages.success(request, success % {"number": entry.pk, "amount": _euros(entry)})
    return redirect("extranet:fund_ledger")


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def fund_gift(request):
    _coordinators_only(request)
    form = GiftForm(request.POST or None)
    done = _write(request, form, lambda **data: fund.record_gift(by=request.user, **data),
                  _("Le don de %(amount)s € est inscrit au registre du fonds (écriture "
                    "n° %(number)s)."))
    return done or render(request, "extranet/dues/fund_form.html", {
        "form": form, "title": _("Inscrire un don au fonds de solidarité"),
        "submit": _("Inscrire le don"), "balance": None,
    })


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def fund_aid(request):
    _coordinators_only(request)
    form = AidForm(request.POST or None)
    done = _write(request, form,
                  lambda **data: fund.record_redistribution(by=request.user, **data),
                  _("L'aide de %(amount)s € est inscrite au registre du fonds (écriture "
                    "n° %(number)s)."))
    return done or render(request, "extranet/dues/fund_form.html", {
        "form": form, "title": _("Inscrire une aide versée par le fonds"),
        "submit": _("Inscrire l'aide"), "balance": fund.balance(),
    })


@member_required
@require_http_methods(["GET", "HEAD", "POST"])
def fund_correction(request, entry_id):
    _coordinators_only(request)
    entry = get_object_or_404(
        FundEntry.objects.select_related("association", "decision", "corrects")
        .prefetch_related("corrections"), pk=entry_id)
    form = CorrectionForm(request.POST or None)
    done = _write(request, form,
                  lambda **data: fund.record_correction(entry, by=request.user, **data),
                  _("La correction de %(amount)s € est inscrite au registre du fonds "
                    "(écriture n° %(number)s)."))
    corrections = list(entry.corrections.all())
    return done or render(request, "extranet/dues/fund_correction.html", {
        "form": form, "entry": entry, "corrections": corrections,
        "standing": entry.amount + sum(c.amount for c in corrections),
        "balance": fund.balance(),
    })
