"""Benchmark of the public directory's search (issue: directory). Target: a search over
100,000 associations answers in under 100 ms at the 95th percentile, on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench ALLOWED_HOSTS=127.0.0.1 \
        .venv/bin/python benchmarks/directory_search.py

Needs the associations of `seed_benchmark --associations 100000` (or of rna_import.py) and the
demo site (`seed_demo`, run here if missing). Each query is a whole GET of the directory page
through Django's test client (routing, search, count, page of 20, template), repeated. What
the site caches between visits (navigation, the commune list, the number of results of a
browse without words) is cleared first, and each query's first visit is shown apart.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

TARGET_P95_MS = 100
QUERIES = [
    {"q": "comite des fetes"},
    {"q": "jardins partagés"},
    {"q": "football"},
    {"q": "association"},
    {"q": "chorale", "commune": "77108"},
    {"q": "solidaire", "sector": "020000"},
    {"sector": "011000"},
    {"commune": "77284"},
    {"letter": "C"},
    {"q": "aide devoirs", "status": "all"},
    {"q": "zzzz introuvable"},
    {},
]
ROUNDS = 10


def main():
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from directory.models import Association, DirectoryPage

    if not DirectoryPage.objects.exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    directory = DirectoryPage.objects.live().first()
    count = Association.objects.published().count()
    client = Client(HTTP_HOST="127.0.0.1")
    url = directory.url
    client.get(url)  # open the connection, load the code
    cache.clear()
    cold = {}
    for params in QUERIES:  # first visits: navigation, filter lists and counts not cached yet
        started = time.perf_counter()
        assert client.get(url, params).status_code == 200
        cold[str(params)] = (time.perf_counter() - started) * 1000
    timings = []
    per_query = {}
    for _round in range(ROUNDS):
        for params in QUERIES:
            started = time.perf_counter()
            response = client.get(url, params)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200
            timings.append(elapsed)
            per_query.setdefault(str(params), []).append(elapsed)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"Database: {connection.vendor}, {count:,} published associations, "
          f"{len(timings)} requests")
    for params, values in per_query.items():
        print(f"  {params:<55} median {statistics.median(values):6.1f} ms"
              f"   (first visit {cold[params]:6.1f} ms)")
    cold_values = sorted(cold.values())
    print(f"first visits (cold cache): median {statistics.median(cold_values):.1f} ms, "
          f"max {cold_values[-1]:.1f} ms")
    print(f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")
    verdict = "met" if p95 < TARGET_P95_MS else "NOT met"
    print(f"Target: p95 under {TARGET_P95_MS} ms over 100,000 associations: {verdict}")


if __name__ == "__main__":
    main()
