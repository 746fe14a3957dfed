"""The coordinators' pages of the impact reports: the tracking list of a year, one report
read in full beside last year's, and the two answers (POST only), validate or send back
(extranet.impact.review holds the rules; each answer emails the association's people)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from extranet.accounts.permissions import is_coordinator, member_required
from extranet.impact import links, review, years
from extranet.impact.models import ImpactReport, Status
from extranet.impact.review_forms import SendBackForm, TrackingFilterForm, ValidateForm

PER_PAGE = 100


def _coordinators_only(request):
    if not is_coordinator(request.user):
        raise PermissionDenied


@member_required
@require_safe
def impact_reports(request):
    _coordinators_only(request)
    form = TrackingFilterForm(request.GET or None)
    year, status = form.year(), form.status()
    associations = review.tracked(year)
    shown = review.with_status(associations, status) if status else associations
    page = Paginator(shown, PER_PAGE).get_page(request.GET.get("page"))
    kept = {key: value for key, value in (("annee", year), ("etat", status)) if value}
    return render(request, "extranet/impact/reports.html", {
        "form": form, "year": year, "status": status, "page": page,
        "rows": review.rows(page), "counts": review.counts(associations),
        "due_date": years.due_date(year), "query_string": urlencode(kept),
    })


@member_required
@require_safe
def impact_report_review(request, report_id):
    _coordinators_only(request)
    report = get_object_or_404(
        ImpactReport.objects.select_related("association", "submitted_by", "reviewed_by",
                                            "updated_by")
        .prefetch_related("activities__sector"),
        pk=report_id,
    )
    previous = review.previous_report(report)
    submitted = report.status == Status.SUBMITTED
    return render(request, "extranet/impact/report_review.html", {
        "report": report, "previous": previous, "totals": report.totals(),
        "figures": review.figures(report, previous),
        "unusual": review.unusual_figures(report, previous),
        "photo_url": links.photo_url(report),
        "validate_form": ValidateForm(prefix="validate") if submitted else None,
        "send_back_form": SendBackForm(prefix="send_back") if submitted else None,
    })


@member_required
@require_POST
def impact_report_validate(request, report_id):
    return _answer(request, report_id, ValidateForm, "validate", review.validate, _(
        "Le rapport %(year)s de « %(association)s » est validé ; l'association en est "
        "informée."))


@member_required
@require_POST
def impact_report_send_back(request, report_id):
    return _answer(request, report_id, SendBackForm, "send_back", review.send_back, _(
        "Le rapport %(year)s de « %(association)s » est renvoyé à l'association, avec ce "
        "qu'il faut corriger."))


def _answer(request, report_id, form_class, prefix, act, success):
    """A coordinator's answer to a submitted report: `act(report_id, by, comment)` with the
    comment of the posted form, then the message `success`, or what refused the answer."""
    _coordinators_only(request)
    report = get_object_or_404(ImpactReport.objects.select_related("association"),
                               pk=report_id)
    form = form_class(request.POST, prefix=prefix)
    form.is_valid()
    try:
        act(report.pk, request.user, form.cleaned_data.get("comment", ""))
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, success % {"year": report.year,
                                             "association": report.association.name})
    return redirect("extranet:impact_report_review", report.pk)
