"""The observatory's figures: the department's published associations counted by sector, by
commune, by year of creation and of dissolution, and members of the collective against all.

Every figure is one aggregate query (GROUP BY in the database, never a loop over the
associations), so the cost stays bounded whatever the volume. The result is plain dicts and
lists (picklable, language-neutral: both labels of a sector are kept), cached for a day under a
key that changes when an association is saved (`cache_version()`) and when an import runs (its
bulk writes send no signal, so the number of the last `RnaImport` is in the key). The import
calls `refresh()` when it ends, so the first visitor after it does not pay for the counting.
"""

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from directory.models.associations import Association
from directory.models.imports import RnaImport
from directory.models.reference import Sector
from directory.signals import cache_version

CACHE_TIMEOUT = 24 * 60 * 60
YEARS = 30  # the chart of creations and dissolutions covers at most this many years
ACTIVE = Q(dissolved_on__isnull=True)


def published():
    return Association.objects.published()


def last_import():
    """The last real run of the import (dry runs leave no row), or None."""
    return (
        RnaImport.objects.order_by("-pk")
        .values("pk", "started_at", "finished_at", "file_name")
        .first()
    )


def cache_key(last_import_pk):
    return f"directory:observatory:{cache_version()}:{last_import_pk or 0}"


def headline():
    """Active, dissolved, active members and active associations without a sector: one query."""
    through = Association.sectors.through.objects.filter(association_id=OuterRef("pk"))
    return published().aggregate(
        active=Count("pk", filter=ACTIVE),
        dissolved=Count("pk", filter=Q(dissolved_on__isnull=False)),
        dissolved_undated=Count("pk", filter=Q(dissolved_on_estimated=True)),
        members=Count("pk", filter=ACTIVE & Q(is_member=True)),
        without_sector=Count("pk", filter=ACTIVE & ~Exists(through)),
        without_commune=Count("pk", filter=ACTIVE & Q(commune__isnull=True)),
    )


def by_sector(without_sector=0):
    """Active associations of each sector, most first; one association with two sectors counts
    in both. `without_sector` (from the headline) is added as a last row with no code."""
    counts = (
        Sector.objects.filter(
            associations__published=True, associations__dissolved_on__isnull=True
        )
        .annotate(count=Count("associations"))
        .order_by("-count", "label")
        .values("code", "label", "label_en", "count")
    )
    rows = [dict(row) for row in counts]
    if without_sector:
        rows.append({"code": "", "label": "", "label_en": "", "count": without_sector})
    return rows


def by_commune():
    """Every commune with at least one active association: count, population and rate per
    1,000 inhabitants (None without a known population), most associations first."""
    rows = (
        published()
        .active()
        .filter(commune__isnull=False)
        .values("commune__code", "commune__name", "commune__population")
        .annotate(count=Count("pk"))
        .order_by("-count", "commune__name")
    )
    return [
        {
            "code": row["commune__code"],
            "name": row["commune__name"],
            "population": row["commune__population"],
            "count": row["count"],
            "per_thousand": (
                round(row["count"] * 1000 / row["commune__population"], 2)
                if row["commune__population"]
                else None
            ),
        }
        for row in rows
    ]


def per_year(date_field, **exclude):
    """{year: number of published associations whose `date_field` falls in it}."""
    return dict(
        published()
        .filter(**{f"{date_field}__isnull": False})
        .exclude(**exclude)
        .annotate(year=ExtractYear(date_field))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("year", "count")
    )


def by_year():
    """Creations and dissolutions of each year, for the last `YEARS` years up to the latest
    year with data, every year present (zero when nothing happened)."""
    creations = per_year("created_on")
    # A dissolution the register did not date is not counted in the year of its last update.
    dissolutions = per_year("dissolved_on", dissolved_on_estimated=True)
    years = set(creations) | set(dissolutions)
    if not years:
        return []
    last = max(years)
    first = max(min(years), last - YEARS + 1)
    return [
        {"year": year, "created": creations.get(year, 0), "dissolved": dissolutions.get(year, 0)}
        for year in range(first, last + 1)
    ]


def compute():
    """Every figure of the observatory, uncached (a handful of aggregate queries)."""
    counts = headline()
    return {
        "headline": counts,
        "sectors": by_sector(counts["without_sector"]),
        "communes": by_commune(),
        "years": by_year(),
        "members": {"members": counts["members"], "active": counts["active"]},
        "last_import": last_import(),
        "computed_at": timezone.now(),
    }


def refresh():
    """Count again and store the figures in the cache; returns them."""
    data = compute()
    last = data["last_import"]
    cache.set(cache_key(last["pk"] if last else None), data, CACHE_TIMEOUT)
    return data


def figures():
    """The figures, from the cache when they are still current (one small query then: the
    number of the last import, read from the database so that every process sees it)."""
    last_pk = RnaImport.objects.order_by("-pk").values_list("pk", flat=True).first()
    data = cache.get(cache_key(last_pk))
    if data is None:
        data = refresh()
    return data
