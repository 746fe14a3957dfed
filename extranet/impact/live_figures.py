"""The impact reports' live figures (see portal/live_figures.py), registered by ImpactConfig:
what the member associations brought during the latest year that has validated reports.
Drafts, reports waiting for review and reports sent back never count. Each figure costs two
or three queries; it is None, and shown nowhere, before the first validation.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, F, Max, Q, Sum
from django.utils.translation import gettext_lazy as _

from extranet.impact.models import HourlyValue, ImpactReport, ReportActivity, Status
from portal import live_figures

SOURCE = _("Rapports d'impact validés des associations membres")
KEYS = ("impact.volunteers", "impact.volunteer_hours", "impact.volunteer_value",
        "impact.people_reached", "impact.precarious_share", "impact.calls_share",
        "impact.reports")
# Reports that gave all three kinds of contract: the share compares like with like.
STAFF_GIVEN = Q(staff_permanent__isnull=False, staff_fixed_term__isnull=False,
                staff_subsidised__isnull=False)


def latest_year():
    """The latest year with at least one validated report, or None."""
    return ImpactReport.objects.validated().aggregate(year=Max("year"))["year"]


def rounded(number):
    return int(Decimal(number).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def report_sums():
    """{volunteers, reports, precarious, staff, calls_share} of the latest year's validated
    reports, or None before any validation."""
    year = latest_year()
    if year is None:
        return None
    return ImpactReport.objects.validated().filter(year=year).aggregate(
        volunteers=Sum("volunteers", default=0),
        reports=Count("pk"),
        precarious=Sum(F("staff_fixed_term") + F("staff_subsidised"), filter=STAFF_GIVEN,
                       default=0),
        staff=Sum(F("staff_permanent") + F("staff_fixed_term") + F("staff_subsidised"),
                  filter=STAFF_GIVEN, default=0),
        calls_share=Avg("calls_for_projects_share"),
    )


def activity_sums():
    """{year, volunteer_hours, people_reached} of the latest year's validated reports, or
    None before any validation."""
    year = latest_year()
    if year is None:
        return None
    sums = ReportActivity.objects.filter(
        report__status=Status.VALIDATED, report__year=year,
    ).aggregate(volunteer_hours=Sum("volunteer_hours", default=0),
                people_reached=Sum("people_reached", default=0))
    return {"year": year, **sums}


def count_volunteers():
    sums = report_sums()
    return None if sums is None else sums["volunteers"]


def count_reports():
    sums = report_sums()
    return None if sums is None else sums["reports"]


def precarious_share():
    """The percentage of paid staff on fixed-term or subsidised contracts."""
    sums = report_sums()
    if not sums or not sums["staff"]:
        return None
    return rounded(Decimal(100 * sums["precarious"]) / sums["staff"])


def calls_share():
    """The mean share of income from calls for projects, each association counting equally."""
    sums = report_sums()
    if not sums or sums["calls_share"] is None:
        return None
    return rounded(sums["calls_share"])


def count_volunteer_hours():
    sums = activity_sums()
    return None if sums is None else sums["volunteer_hours"]


def count_people_reached():
    sums = activity_sums()
    return None if sums is None else sums["people_reached"]


def volunteer_value():
    """The volunteer hours valued at that year's hourly value, in whole euros (None without
    a value for the year or a year before)."""
    sums = activity_sums()
    if sums is None:
        return None
    hourly = HourlyValue.for_year(sums["year"])
    if hourly is None:
        return None
    return rounded(sums["volunteer_hours"] * hourly.amount)


def register():
    figures = [
        ("impact.volunteers", _("bénévoles engagés dans les associations membres (dernière "
                                "année validée)"), count_volunteers, ""),
        ("impact.volunteer_hours", _("heures de bénévolat données dans l'année par les "
                                     "associations membres"), count_volunteer_hours, ""),
        ("impact.volunteer_value", _("valeur du bénévolat de l'année, au taux horaire de "
                                     "référence"), volunteer_value, "€"),
        ("impact.people_reached", _("personnes accueillies, accompagnées ou servies dans "
                                    "l'année"), count_people_reached, ""),
        ("impact.precarious_share", _("des salarié·es des associations membres en CDD ou en "
                                      "contrat aidé"), precarious_share, "%"),
        ("impact.calls_share", _("des ressources des associations membres venues d'appels à "
                                 "projets, en moyenne"), calls_share, "%"),
        ("impact.reports", _("rapports d'impact validés pour la dernière année"),
         count_reports, ""),
    ]
    for key, label, compute, unit in figures:
        live_figures.register(key, label=label, compute=compute, source=SOURCE, unit=unit)
