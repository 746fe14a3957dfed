"""Benchmark of the observatory (issue: observatory). Targets, over 100,000 associations on
PostgreSQL: the figures are counted (uncached) in under 2 s, and a GET of the page with the
figures in the cache answers in under 100 ms at the 95th percentile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench ALLOWED_HOSTS=127.0.0.1 \
        .venv/bin/python benchmarks/observatory.py

Needs the associations of `seed_benchmark --associations 100000` (or of rna_import.py) and the
demo site (`seed_demo`, run here if missing: it makes the observatory page). The uncached
figures are `observatory.refresh()` (every aggregate query, then the cache write); the page is
a whole GET through Django's test client (routing, cached figures, charts, tables, template).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

TARGET_REFRESH_S = 2.0
TARGET_P95_MS = 100
REFRESH_ROUNDS = 5
PAGE_ROUNDS = 50


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], timings[-1]


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from directory import observatory
    from directory.models import Association, ObservatoryPage

    if not ObservatoryPage.objects.exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    page = ObservatoryPage.objects.live().first()
    count = Association.objects.published().count()

    refreshes = []
    for _round in range(REFRESH_ROUNDS):
        started = time.perf_counter()
        figures = observatory.refresh()
        refreshes.append(time.perf_counter() - started)
    refresh_p50, refresh_p95, refresh_max = percentiles(refreshes)

    client = Client(HTTP_HOST="127.0.0.1")
    url = page.url
    assert client.get(url).status_code == 200  # warms the cache and the connection
    timings = []
    for _round in range(PAGE_ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    p50, p95, slowest = percentiles(timings)

    print(f"Database: {connection.vendor}, {count:,} published associations, "
          f"{len(figures['sectors'])} sectors, {len(figures['communes'])} communes, "
          f"{len(figures['years'])} years")
    print(f"Figures counted (observatory.refresh, {REFRESH_ROUNDS} runs): "
          f"p50 {refresh_p50:.2f} s, p95 {refresh_p95:.2f} s, max {refresh_max:.2f} s")
    print(f"Page with cached figures ({PAGE_ROUNDS} GETs, {len(response.content):,} bytes): "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {slowest:.1f} ms")
    verdict = "met" if refresh_p95 < TARGET_REFRESH_S else "NOT met"
    print(f"Target: figures counted in under {TARGET_REFRESH_S:.0f} s over 100,000 "
          f"associations: {verdict}")
    verdict = "met" if p95 < TARGET_P95_MS else "NOT met"
    print(f"Target: cached page p95 under {TARGET_P95_MS} ms over 100,000 associations: "
          f"{verdict}")


if __name__ == "__main__":
    main()
