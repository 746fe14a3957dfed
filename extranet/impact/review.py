"""The coordinators' review of the impact reports: who has reported for a year (the tracking
list), what to look at in one report, and the two answers, validate or send back, each
followed by an email to the association's people (extranet.impact.tasks).

The tracking list has a row per association that is a member today, and per association
that has a report of the year even if it has left since; an association without a report is
"not started". It is read in a bounded number of queries whatever the number of
associations (the report and the last reminder are joined to each association).
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, F, FilteredRelation, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.impact import warnings, years
from extranet.impact.models import ImpactReport, ReportReminder, Status
from extranet.impact.tasks import send_review_notice
from portal.background import enqueue_after_commit

NOT_STARTED = "not_started"
STATUSES = [(NOT_STARTED, _("pas commencé")), *Status.choices]
LABELS = dict(STATUSES)


def report_years():
    """The years that have reports, and the open year, the most recent first."""
    reported = set(ImpactReport.objects.order_by().values_list("year", flat=True)
                   .distinct())
    return sorted(reported | {years.open_year()}, reverse=True)


def tracked(year):
    """The associations of the year's tracking list, by name, each with `report_id`,
    `report_status` (NOT_STARTED without a report), `submitted_at`, `reviewed_at` and
    `last_reminder` (one query)."""
    reminders = ReportReminder.objects.filter(association=OuterRef("pk"), year=year)
    return (
        Association.objects.annotate(
            this_year=FilteredRelation("impact_reports",
                                       condition=Q(impact_reports__year=year)))
        .filter(Q(is_member=True, dissolved_on__isnull=True) | Q(this_year__isnull=False))
        .annotate(report_id=F("this_year__pk"), report_status=F("this_year__status"),
                  submitted_at=F("this_year__submitted_at"),
                  reviewed_at=F("this_year__reviewed_at"),
                  last_reminder=Subquery(reminders.order_by("-sent_at")
                                         .values("sent_at")[:1]))
        .order_by("name", "pk")
    )


def with_status(associations, status):
    """Only the associations whose report of the year is in `status` (or NOT_STARTED)."""
    if status == NOT_STARTED:
        return associations.filter(report_id__isnull=True)
    return associations.filter(report_status=status)


def counts(associations):
    """[(status, label, number)] for every status, NOT_STARTED first (one query)."""
    numbers = dict(associations.order_by().values_list("report_status")
                   .annotate(number=Count("pk", distinct=True)))
    numbers[NOT_STARTED] = numbers.pop(None, 0)
    return [(status, label, numbers.get(status, 0)) for status, label in STATUSES]


@dataclass(frozen=True)
class Row:
    association: Association
    status: str
    report_id: int | None
    submitted_at: object
    reviewed_at: object
    last_reminder: object

    @property
    def label(self):
        return LABELS[self.status]

    @property
    def is_member(self):
        return self.association.is_member and self.association.dissolved_on is None


def rows(associations):
    """The rows of a page of `tracked` associations."""
    return [Row(association, association.report_status or NOT_STARTED,
                association.report_id, association.submitted_at, association.reviewed_at,
                association.last_reminder)
            for association in associations]


# One report.

def previous_report(report):
    """The association's report of the year before, with its activities, or None."""
    return (ImpactReport.objects.filter(association_id=report.association_id,
                                        year=report.year - 1)
            .prefetch_related("activities__sector").first())


FIGURES = ["volunteers", "staff_permanent", "staff_fixed_term", "staff_subsidised",
           "staff_part_time", "public_grants_share", "calls_for_projects_share"]


def figures(report, previous):
    """[(label, this year's, last year's)] of every figure of the report, the totals of its
    activities after the volunteers (last year's None without a report that year, or when
    it was not given)."""
    totals = report.totals()
    before = previous.totals() if previous else {}
    rows = [(ImpactReport._meta.get_field(name).verbose_name, getattr(report, name),
             getattr(previous, name, None)) for name in FIGURES]
    rows[1:1] = [
        (_("heures de bénévolat"), totals["volunteer_hours"], before.get("volunteer_hours")),
        (_("personnes touchées"), totals["people_reached"], before.get("people_reached")),
    ]
    return rows


def unusual_figures(report, previous):
    """What the report's form finds unusual (extranet/impact/warnings.py), the same
    sentences the association read when it confirmed these figures (`unusual_confirmed`)."""
    before = warnings.figures_of(previous) if previous else None
    return warnings.unusual(warnings.figures_of(report), before,
                            previous.year if previous else None)


# The answers.

def validate(report_id, by, comment=""):
    """Validate the submitted report (ValidationError if it is not submitted) and tell the
    association's people once committed."""
    return _review(report_id, lambda report: report.validate(by, comment))


def send_back(report_id, by, comment):
    """Send the submitted report back with what to correct (ValidationError without a
    comment, or if it is not submitted) and tell the association's people."""
    return _review(report_id, lambda report: report.send_back(by, comment))


def _review(report_id, answer):
    with transaction.atomic():
        # Locked: two coordinators answering at once do not both succeed.
        report = ImpactReport.objects.select_for_update().get(pk=report_id)
        answer(report)
        enqueue_after_commit(send_review_notice, report.pk)
    return report
