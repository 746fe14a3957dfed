"""Benchmark of the observatory of social utility. Targets, over 300 member associations × 5
years of validated reports with 2 or 3 activities each (1,500 reports, about 3,750
activities), on PostgreSQL: the figures are counted (uncached, `figures.compute()`) in under
0.5 s, and a GET of the page with the figures in the cache answers in under 100 ms at the 95th
percentile, with the same number of queries as over 5 reports.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench ALLOWED_HOSTS=127.0.0.1 \
        .venv/bin/python benchmarks/impact.py [--associations 300] [--years 5]

Makes what is missing, in bulk (associations named "Banc d'essai impact N", their reports and
activities, an hourly value, the page under the French home page); run it on a throw-away
database.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

TARGET_COMPUTE_S = 0.5
TARGET_P95_MS = 100
COMPUTE_ROUNDS = 10
PAGE_ROUNDS = 50
PREFIX = "Banc d'essai impact"


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], timings[-1]


def make_reports(associations, years):
    """The associations, their validated reports and activities, in bulk, when missing."""
    from directory.models import Association, Commune, Sector
    from extranet.impact import figures
    from extranet.impact import years as report_years
    from extranet.impact.models import HourlyValue, ImpactReport, ReportActivity, Status

    last = report_years.open_year()
    first = last - years + 1
    HourlyValue.objects.get_or_create(year=first, defaults={
        "amount": "11.27", "source": "SMIC horaire brut", "source_url": ""})
    made = Association.objects.filter(name__startswith=PREFIX)
    if made.count() >= associations:
        return
    commune = Commune.objects.order_by("code").first()
    sectors = list(Sector.objects.order_by("code")[:12])
    created = Association.objects.bulk_create(
        Association(name=f"{PREFIX} {n}", slug=f"banc-essai-impact-{n}",
                    rna_id=f"W99{n:07d}", commune=commune, is_member=True)
        for n in range(made.count(), associations)
    )
    reports = ImpactReport.objects.bulk_create(
        ImpactReport(association=association, year=year, status=Status.VALIDATED,
                     public_consent=n % 3 != 0, volunteers=5 + n % 40,
                     staff_permanent=n % 4, staff_fixed_term=n % 3, staff_subsidised=n % 2,
                     staff_part_time=n % 3, public_grants_share=n % 50,
                     calls_for_projects_share=(n * 7) % 50, story="Une année d'actions.")
        for n, association in enumerate(created) for year in range(first, last + 1)
    )
    ReportActivity.objects.bulk_create(
        ReportActivity(report=report, sector=sectors[(n + k) % len(sectors)],
                       volunteer_hours=200 + (n * 37) % 3000, people_reached=10 + n % 500)
        for n, report in enumerate(reports) for k in range(2 + n % 2)
    )
    figures.forget_figures()


def the_page():
    from extranet.impact.models import SocialUtilityPage
    from home.models import HomePage

    page = SocialUtilityPage.objects.live().first()
    if page is None:
        home = HomePage.objects.filter(locale__language_code="fr").first()
        page = home.add_child(instance=SocialUtilityPage(
            title="Observatoire de l'utilité sociale", slug="utilite-sociale"))
    return page


def time_compute():
    from extranet.impact import figures

    timings = []
    for _round in range(COMPUTE_ROUNDS):
        started = time.perf_counter()
        data = figures.compute()
        timings.append(time.perf_counter() - started)
    return data, percentiles(timings)


def time_page(client, url):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warms the cache and the connection
    reset_queries()  # a full log (DEBUG keeps the last 9,000 queries) would count none
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings = []
    for _round in range(PAGE_ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return len(queries), len(response.content), percentiles(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--associations", type=int, default=300)
    parser.add_argument("--years", type=int, default=5)
    options = parser.parse_args()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from extranet.impact.models import ImpactReport, ReportActivity

    make_reports(options.associations, options.years)
    url = the_page().url
    data, (compute_p50, compute_p95, compute_max) = time_compute()
    queries, size, (p50, p95, slowest) = time_page(Client(HTTP_HOST="127.0.0.1"), url)

    print(f"Database: {connection.vendor}, {ImpactReport.objects.validated().count():,} "
          f"validated reports, {ReportActivity.objects.count():,} activities, "
          f"{len(data['years'])} years, {len(data['associations']):,} named associations")
    print(f"Figures counted (figures.compute, {COMPUTE_ROUNDS} runs): p50 "
          f"{compute_p50 * 1000:.0f} ms, p95 {compute_p95 * 1000:.0f} ms, max "
          f"{compute_max * 1000:.0f} ms")
    print(f"Page with cached figures ({PAGE_ROUNDS} GETs, {size:,} bytes, {queries} "
          f"queries): p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {slowest:.1f} ms")
    verdict = "met" if compute_p95 < TARGET_COMPUTE_S else "NOT met"
    print(f"Target: figures counted in under {TARGET_COMPUTE_S} s: {verdict}")
    verdict = "met" if p95 < TARGET_P95_MS else "NOT met"
    print(f"Target: cached page p95 under {TARGET_P95_MS} ms: {verdict}")


if __name__ == "__main__":
    main()
