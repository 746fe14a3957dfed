"""The observatory's figures, from the VALIDATED impact reports only (drafts, submitted and
returned reports never count).

For each year that has validated reports, and for each year and sector (the activities):
reports, volunteers, volunteer hours, their value in euros (hours × the HourlyValue of the
year, rounded to the euro), people reached, paid staff by contract, the share of precarious
jobs (fixed-term and subsidised contracts among all staff, pooled over the associations) and
of part time, the mean share of public grants and of calls for projects (one association, one
voice: each report weighs the same), the associations living on calls for projects for half
their resources or more, and the change from the year before (%).

Consent. Only the reports whose association agreed (`public_consent`) are listed by name
(`associations`). The totals never give away an association that did not agree: a cell (a
year, or a year and a sector) made of fewer than `SECRECY_THRESHOLD` reports is shown only if
all of them agreed; otherwise it is hidden ("secret statistique": `hidden` is True and its
figures are None). When one sector of a year is hidden, the year's total less the other
sectors would give it away, so the smallest other sector is hidden too. Likewise, the year's
total less the named associations' figures would give away the one or two associations of a
year that did not agree: in such a year the named associations keep their story but their
figures are withheld (`figures_withheld`).

Cost. A fixed number of queries whatever the volume (GROUP BY in the database, never a loop
over the reports), the result plain data (picklable, language-neutral: both labels of a
sector are kept), cached for a day under a key whose version changes when a report, an
activity, an hourly value or an association is saved or deleted (`forget_figures`, called by
extranet/impact/signals.py).

For other modules (the live figures): `latest()` is the row of the latest year with
validated reports that is not hidden, or None; `figures()` is everything.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db.models import Avg, Count, Q, Sum
from django.utils import timezone

from extranet.impact.models.reports import ImpactReport, ReportActivity, Status
from extranet.impact.models.values import HourlyValue

CACHE_TIMEOUT = 24 * 60 * 60
SECRECY_THRESHOLD = 3  # below this many reports, a cell is shown only if all agreed
MAJORITY_OF_CALLS = 50  # % of resources from calls for projects counted as dependence
STAFF = ("staff_permanent", "staff_fixed_term", "staff_subsidised")
# Staff figures count only from reports that give all three contracts.
STAFF_KNOWN = Q(**{f"{name}__isnull": False for name in STAFF})
CHANGES = ("volunteer_hours", "people_reached", "value_euros")
CACHE_VERSION_KEY = "impact:figures:version"


def cache_version():
    """Part of the figures' cache key: it changes whenever what they count changes."""
    return cache.get_or_set(CACHE_VERSION_KEY, 1, None)


def forget_figures():
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, None)


def cache_key():
    return f"impact:figures:{cache_version()}"


def percent(part, whole, decimals=1):
    """part / whole in %, rounded, or None when the whole is zero or unknown."""
    if not whole or part is None:
        return None
    return round(part * 100 / whole, decimals)


def change(current, previous):
    """The change from `previous` to `current` in %, or None without a previous figure."""
    if current is None or not previous:
        return None
    return round((current - previous) * 100 / previous, 1)


def euros(hours, value):
    """The hours' value in whole euros (Decimal), or None without an hourly value."""
    if value is None or hours is None:
        return None
    return (Decimal(hours) * value["amount"]).quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def hourly_values():
    """Every hourly value as plain data, newest first (one query)."""
    return [
        {"year": value.year, "amount": value.amount, "source": value.source,
         "source_url": value.source_url}
        for value in HourlyValue.objects.order_by("-year")
    ]


def value_for(year, values):
    """The hourly value used for `year` (see HourlyValue.for_year), among `values`."""
    return next((value for value in values if value["year"] <= year), None)


def hidden(reports, consenting):
    return reports < SECRECY_THRESHOLD and consenting < reports


def report_totals():
    """{year: the figures read from the reports themselves}: one query."""
    rows = (
        ImpactReport.objects.validated()
        .values("year")
        .annotate(
            reports=Count("pk"),
            consenting=Count("pk", filter=Q(public_consent=True)),
            total_volunteers=Sum("volunteers"),
            **{f"total_{name}": Sum(name, filter=STAFF_KNOWN) for name in STAFF},
            total_staff_part_time=Sum("staff_part_time", filter=STAFF_KNOWN),
            mean_public_grants_share=Avg("public_grants_share"),
            mean_calls_for_projects_share=Avg("calls_for_projects_share"),
            calls_majority=Count(
                "pk", filter=Q(calls_for_projects_share__gte=MAJORITY_OF_CALLS)),
        )
        .order_by("year")
    )
    return {row["year"]: row for row in rows}


def sector_totals():
    """[one dict per year and sector]: hours and people of the validated reports' activities
    (one query; an activity is one report's line for one sector, so counting activities
    counts reports)."""
    return list(
        ReportActivity.objects.filter(report__status=Status.VALIDATED)
        .values("report__year", "sector__code", "sector__label", "sector__label_en")
        .annotate(
            reports=Count("pk"),
            consenting=Count("pk", filter=Q(report__public_consent=True)),
            hours=Sum("volunteer_hours"),
            people=Sum("people_reached"),
        )
        .order_by("report__year", "-hours", "sector__code")
    )


def year_row(totals, activities, value):
    """One year's figures from its report totals and its activities' sums."""
    totals = {key.removeprefix("total_").removeprefix("mean_"): value
              for key, value in totals.items()}
    staff = sum(totals[name] or 0 for name in STAFF)
    hours = activities["volunteer_hours"]
    return {
        "year": totals["year"],
        "hidden": hidden(totals["reports"], totals["consenting"]),
        "reports": totals["reports"],
        "volunteers": totals["volunteers"] or 0,
        "volunteer_hours": hours,
        "people_reached": activities["people_reached"],
        "hourly_value": value,
        "value_euros": euros(hours, value),
        "staff": {
            "permanent": totals["staff_permanent"] or 0,
            "fixed_term": totals["staff_fixed_term"] or 0,
            "subsidised": totals["staff_subsidised"] or 0,
            "part_time": totals["staff_part_time"] or 0,
            "total": staff,
        },
        "precarious_share": percent(
            (totals["staff_fixed_term"] or 0) + (totals["staff_subsidised"] or 0), staff),
        "part_time_share": percent(totals["staff_part_time"], staff),
        "public_grants_share": _rounded(totals["public_grants_share"]),
        "calls_for_projects_share": _rounded(totals["calls_for_projects_share"]),
        "calls_majority": totals["calls_majority"],
        "change": dict.fromkeys(CHANGES),
    }


def _rounded(value):
    return None if value is None else round(float(value), 1)


def hide(row):
    """The row with every figure but its year (and sector) taken away."""
    kept = {"year", "hidden", "code", "label", "label_en"}
    row.update({key: None for key in row if key not in kept}, hidden=True)
    return row


def sector_row(cell, value):
    row = {
        "year": cell["report__year"],
        "code": cell["sector__code"],
        "label": cell["sector__label"],
        "label_en": cell["sector__label_en"],
        "hidden": hidden(cell["reports"], cell["consenting"]),
        "reports": cell["reports"],
        "volunteer_hours": cell["hours"],
        "people_reached": cell["people"],
        "value_euros": euros(cell["hours"], value),
    }
    return hide(row) if row["hidden"] else row


def protect(sectors):
    """Hide the smallest visible sector beside a lone hidden one (secondary secrecy), so that
    the year's total less the shown sectors does not give the hidden one away."""
    if sum(row["hidden"] for row in sectors) == 1:
        shown = [row for row in sectors if not row["hidden"]]
        if shown:
            hide(min(shown, key=lambda row: (row["reports"], row["volunteer_hours"])))
    return sectors


def by_year(values, totals):
    """(years, sectors): the rows of every year with validated reports, oldest first, and of
    every year and sector, from the reports' `totals` by year (one query more)."""
    cells = sector_totals()
    sectors, sums = {}, {}
    for cell in cells:
        year = cell["report__year"]
        sectors.setdefault(year, []).append(sector_row(cell, value_for(year, values)))
        year_sums = sums.setdefault(year, {"volunteer_hours": 0, "people_reached": 0})
        year_sums["volunteer_hours"] += cell["hours"]
        year_sums["people_reached"] += cell["people"]
    years = []
    for year, row in totals.items():
        empty = {"volunteer_hours": 0, "people_reached": 0}
        years.append(year_row(row, sums.get(year, empty), value_for(year, values)))
    add_changes(years)
    for row in years:
        if row["hidden"]:
            hide(row)
            sectors[row["year"]] = [hide(cell) for cell in sectors.get(row["year"], [])]
    return years, {year: protect(rows) for year, rows in sectors.items()}


def add_changes(years):
    """The change of hours, people and value from the calendar year before (when it has
    validated reports and neither year is hidden)."""
    by_number = {row["year"]: row for row in years}
    for row in years:
        previous = by_number.get(row["year"] - 1)
        if previous is None or previous["hidden"] or row["hidden"]:
            continue
        row["change"] = {key: change(row[key], previous[key]) for key in CHANGES}


NAMED_FIGURES = ("volunteers", "staff", "volunteer_hours", "people_reached", "value_euros")


def withheld(totals, year):
    """Whether the named associations' figures of `year` must be withheld: one or two of the
    year's validated reports did not agree, and the total less the named ones would show
    theirs."""
    row = totals.get(year)
    return row is not None and 0 < row["reports"] - row["consenting"] < SECRECY_THRESHOLD


def associations(values, totals):
    """The validated reports whose association agreed to be named, with its figures and
    story, newest year first then by name (one query); `totals` (the reports' totals by
    year) says the years whose figures are withheld."""
    rows = (
        ImpactReport.objects.public()
        .values(
            "pk", "year", "association__name", "association__slug",
            "association__commune__name", "volunteers", "story", "photo", "photo_alt",
            "photo_credit", *STAFF,
        )
        .annotate(hours=Sum("activities__volunteer_hours"),
                  people=Sum("activities__people_reached"))
        .order_by("-year", "association__name")
    )
    named = [
        {
            "report_id": row["pk"],
            "year": row["year"],
            "name": row["association__name"],
            "slug": row["association__slug"],
            "commune": row["association__commune__name"] or "",
            "volunteers": row["volunteers"],
            "staff": (None if None in (row[name] for name in STAFF)
                      else sum(row[name] for name in STAFF)),
            "volunteer_hours": row["hours"] or 0,
            "people_reached": row["people"] or 0,
            "value_euros": euros(row["hours"] or 0, value_for(row["year"], values)),
            "story": row["story"],
            "has_photo": bool(row["photo"]),
            "photo_alt": row["photo_alt"],
            "photo_credit": row["photo_credit"],
            "figures_withheld": False,
        }
        for row in rows
    ]
    for row in named:
        if withheld(totals, row["year"]):
            row.update(dict.fromkeys(NAMED_FIGURES), figures_withheld=True)
    return named


def compute():
    """Every figure, uncached (four queries)."""
    values, totals = hourly_values(), report_totals()
    years, sectors = by_year(values, totals)
    return {
        "years": years,
        "sectors": sectors,
        "associations": associations(values, totals),
        "hourly_values": values,
        "computed_at": timezone.now(),
    }


def figures():
    """The figures, from the cache while nothing they count has changed."""
    key = cache_key()
    data = cache.get(key)
    if data is None:
        data = compute()
        cache.set(key, data, CACHE_TIMEOUT)
    return data


def latest(data=None):
    """The row of the latest year with validated reports that is not hidden, or None: a dict
    with year, reports, volunteers, volunteer_hours, people_reached, hourly_value (year,
    amount, source, source_url, or None), value_euros (Decimal), staff (permanent,
    fixed_term, subsidised, part_time, total), precarious_share, part_time_share,
    public_grants_share, calls_for_projects_share (%, one decimal, or None),
    calls_majority and change (volunteer_hours, people_reached, value_euros: % from the
    year before, or None)."""
    data = figures() if data is None else data
    shown = [row for row in data["years"] if not row["hidden"]]
    return shown[-1] if shown else None


def year(number, data=None):
    """The row of the year `number`, or None."""
    data = figures() if data is None else data
    return next((row for row in data["years"] if row["year"] == number), None)
