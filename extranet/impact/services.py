"""What the member associations' pages of the impact reports read and do: the reports of
the associations a person acts for, the report of a year (a new, unsaved one until its first
save), and saving a draft or submitting it (extranet/impact/member_views.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from extranet.accounts.permissions import association_ids, current_memberships
from extranet.impact import warnings, years
from extranet.impact.models import ImpactReport, Status


def report_of(association, year):
    """The association's report of `year`, or a new one (not saved)."""
    report = (ImpactReport.objects.filter(association=association, year=year)
              .prefetch_related("activities__sector").first())
    return report or ImpactReport(association=association, year=year)


def previous_of(report):
    """The association's report of the year before, whatever its status, or None."""
    return (ImpactReport.objects.filter(association_id=report.association_id,
                                        year=report.year - 1)
            .prefetch_related("activities__sector").first())


def may_edit(report):
    """The year may be changed by the association's people: the open year's report while it
    is a draft, or any year's report sent back for correction."""
    if report.status == Status.RETURNED:
        return True
    return report.year == years.open_year() and report.status == Status.DRAFT


def associations_with_reports(user):
    """[(association, its reports, newest first, the open year's report or None)] for every
    association the person acts for today (two queries)."""
    open_year = years.open_year()
    reports = {}
    for report in ImpactReport.objects.filter(association_id__in=association_ids(user)):
        reports.setdefault(report.association_id, []).append(report)
    return [
        (membership.association, reports.get(membership.association_id, []),
         next((r for r in reports.get(membership.association_id, [])
               if r.year == open_year), None))
        for membership in current_memberships(user)
    ]


def waiting_reports(user):
    """The associations the person acts for whose open year's report is not submitted yet
    (one query besides the memberships)."""
    open_year = years.open_year()
    done = set(ImpactReport.objects.filter(
        association_id__in=association_ids(user), year=open_year,
    ).exclude(status__in=(Status.DRAFT, Status.RETURNED)).values_list("association_id",
                                                                      flat=True))
    return [m.association for m in current_memberships(user) if m.association_id not in done]


@transaction.atomic
def save_draft(form, formset, by):
    """Save the report and its activities as they are, blanks allowed."""
    report = form.save(commit=False)
    report.updated_by = by
    report.save()
    formset.instance = report
    formset.save()
    # The activities prefetched with the report are those before this save.
    getattr(report, "_prefetched_objects_cache", {}).pop("activities", None)
    return report


def submit(form, formset, by, previous=None):
    """Save, then submit the report. Returns the warnings still to confirm (nothing was
    submitted), or [] once submitted; raises ValidationError listing what is missing."""
    report = save_draft(form, formset, by)
    missing = report.missing()
    if missing:
        raise ValidationError([_("Il manque : %(missing)s.") % {"missing": ", ".join(missing)}])
    figures = warnings.figures_of(report)
    previous_figures = warnings.figures_of(previous) if previous else None
    found = warnings.unusual(figures, previous_figures, previous and previous.year)
    if found and not form.cleaned_data.get("unusual_confirmed"):
        return found
    report.unusual_confirmed = bool(found)
    report.save(update_fields=["unusual_confirmed", "updated_at"])
    report.submit(by)
    return []
