"""The member associations' pages of the yearly impact reports: their reports, the form of a
year's report (a draft saved as often as needed, then submitted) and the report's photo.

The people acting today for the association fill its report; coordinators read it here and
act on the review pages. Only the open year's draft and a report sent back for correction
may change (extranet/impact/services.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from directory.models import Association
from extranet.accounts.permissions import association_ids, is_coordinator, member_required
from extranet.impact import services, years
from extranet.impact.forms import ActivityFormSet, ReportForm
from extranet.impact.models import ImpactReport
from extranet.impact.models.reports import FIRST_YEAR
from portal.uploads import content_type_of, private_download


def review_url(user):
    """The coordinators' list of reports to review, for a coordinator."""
    return reverse("extranet:impact_reports") if is_coordinator(user) else None


@member_required
def impact_home(request):
    """For each association the person acts for: its reports and the open year's to fill."""
    open_year = years.open_year()
    return render(request, "extranet/impact/home.html", {
        "associations": services.associations_with_reports(request.user),
        "open_year": open_year,
        "due_date": years.due_date(open_year),
        "review_url": review_url(request.user),
    })


def acts_for(user, association):
    return association.pk in association_ids(user)


@member_required
def impact_report_edit(request, association_id, year):
    """GET: the form (or the report, read only, once submitted); POST "save" keeps a draft,
    POST "submit" saves and submits it."""
    association = get_object_or_404(Association, pk=association_id)
    acting = acts_for(request.user, association)
    if not (acting or is_coordinator(request.user)):
        raise PermissionDenied
    if year < FIRST_YEAR or year > years.open_year():
        raise Http404
    report = services.report_of(association, year)
    editable = acting and services.may_edit(report)
    if request.method == "POST" and not editable:
        raise PermissionDenied
    if report.pk is None and year != years.open_year():
        raise Http404
    previous = services.previous_of(report)
    context = {"report": report, "association": association, "previous": previous,
               "due_date": years.due_date(year)}
    if not editable:
        return render(request, "extranet/impact/report_detail.html", context)
    form = ReportForm(request.POST or None, request.FILES or None, instance=report,
                      previous=previous)
    formset = ActivityFormSet(request.POST or None, instance=report, prefix="activities")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        return save(request, form, formset, context)
    return render_form(request, form, formset, context)


def save(request, form, formset, context):
    if "submit" not in request.POST:
        report = services.save_draft(form, formset, request.user)
        messages.success(request, _("Le brouillon est enregistré. Vous pourrez le reprendre "
                                    "et le soumettre plus tard."))
        return redirect_to(report)
    try:
        warnings = services.submit(form, formset, request.user, context["previous"])
    except ValidationError as error:
        return render_form(request, form, formset, context, saved=True, errors=error)
    if warnings:
        return render_form(request, form, formset, context, saved=True, warnings=warnings)
    messages.success(request, _("Le rapport est soumis : la coordination va le relire. "
                                "Merci !"))
    return redirect_to(form.instance)


def redirect_to(report):
    return redirect("extranet:impact_report_edit", association_id=report.association_id,
                    year=report.year)


def render_form(request, form, formset, context, saved=False, warnings=(), errors=None):
    """The form; once the draft was saved (a submission refused or waiting for a
    confirmation), the report as it is saved now, with what refused the submission."""
    if saved:
        report = form.instance
        form = ReportForm(instance=report, previous=context["previous"])
        formset = ActivityFormSet(instance=report, prefix="activities")
    return render(request, "extranet/impact/report_form.html", {
        **context, "form": form, "formset": formset, "saved": saved, "warnings": warnings,
        "refusals": errors.messages if errors is not None else [],
    })


@member_required
def impact_report_photo(request, report_id):
    """The report's photo, for the association's people and the coordinators."""
    report = get_object_or_404(ImpactReport.objects.select_related("association"),
                               pk=report_id)
    if not (acts_for(request.user, report.association) or is_coordinator(request.user)):
        raise PermissionDenied
    if not report.photo:
        raise Http404
    name = report.photo.name.rsplit("/", 1)[-1]
    response = private_download(report.photo, name, content_type_of(name))
    response["Content-Disposition"] = response["Content-Disposition"].replace(
        "attachment", "inline", 1)
    return response
