"""Benchmark of the public pages served as deployed (issue: production), without and with the
page cache of anonymous visitors (portal.page_cache).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/5 \
        .venv/bin/python benchmarks/pages.py [--seconds 5] [--rounds 3] [--connections 16]

Makes the demo site (`seed_demo`) if missing, then volumes with `seed_benchmark` until there
are 10,000 associations, 200 campaigns and 200 events. Counts the SQL queries of each page,
the page cache off, with every cache empty and again with the shared caches warm (navigation,
settings: what a visitor usually meets), through Django's test client in this process. Then
serves the site as deployed (gunicorn, 2 workers, production settings, the cache in Redis)
twice, the page cache off then on, and loads each page and a static file in turn (after a few
requests that warm the workers and keep the page) with wrk (Debian's package `wrk`) for the
given seconds, the whole round repeated: the median over the rounds of the requests a second,
the p50 and p95 latency, and the ratio to the static file's rate.
Targets: a cached page ≥ 0.5 × the static file's rate; ≤ 20 queries an uncached page (shared
caches warm).
Exits with 1 when one is missed.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("EMAIL_URL", "memorymail://")

from benchmarks.signing.server import SERVER_ENV, start_server  # noqa: E402

TARGET_RATIO = 0.5
TARGET_QUERIES = 20
VOLUMES = {"associations": 10_000, "campaigns": 200, "events": 200}
PORT = 8093
# wrk's report: requests, microseconds, p50 and p95 in microseconds, errors.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                 + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
                         latency:percentile(50), latency:percentile(95), errors))
end
"""


def make_volumes():
    """The demo and the volumes; returns the pages to load {label: path}."""
    from django.core.management import call_command

    from campaigns.models import CampaignPage
    from directory.models import Association
    from events.models import EventIndexPage, EventPage
    from home.models import HomePage

    quiet = open(os.devnull, "w")  # noqa: SIM115
    if not HomePage.objects.filter(body__isnull=False).exclude(body=[]).exists():
        call_command("seed_demo", stdout=quiet)
    have = {"associations": Association.objects.count(),
            "campaigns": CampaignPage.objects.count(), "events": EventPage.objects.count()}
    missing = {name: VOLUMES[name] - have[name] for name in VOLUMES
               if VOLUMES[name] > have[name]}
    if missing:
        print(f"Making volumes: {missing}")
        call_command("seed_benchmark", stdout=quiet, **missing)
    campaign = CampaignPage.objects.live().filter(
        locale__language_code="fr", status="open").order_by("pk").first()
    association = Association.objects.published().order_by("pk").first()
    events = EventIndexPage.objects.live().filter(locale__language_code="fr").first()
    directory = association_url(association)
    return {
        "home": "/",
        "campaign": campaign.url,
        "directory": directory.rsplit("/", 2)[0] + "/",
        "an association": directory,
        "event feed": events.url + "calendrier.ics",
    }


def association_url(association):
    from directory.models import DirectoryPage

    page = DirectoryPage.objects.live().filter(locale__language_code="fr").first()
    return page.url + page.reverse_subpage("association", args=[association.slug])


def count_queries(pages):
    """Each page's SQL queries, the page cache off: with every cache empty (the first visit
    after a publication rebuilds the navigation), then as a visitor usually finds it (the
    shared caches warm); {label: (cold, warm)}."""
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    for label, path in pages.items():
        for cache in caches.all():
            cache.clear()
        found = []
        for _visit in range(2):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            found.append(len(queries))
        counts[label] = tuple(found)
    return counts


def warm_up(url):
    """A few requests first: each worker loads what it loads lazily, the page is kept."""
    import urllib.request

    for _request in range(8):
        with urllib.request.urlopen(url) as response:  # noqa: S310 - our own server
            response.read()


def load(url, seconds, connections, script):
    """wrk on `url`: (requests a second, p50 ms, p95 ms, errors)."""
    output = subprocess.run(
        [shutil.which("wrk"), "-t", "2", "-c", str(connections), "-d", f"{seconds}s",
         "-s", script, url],
        capture_output=True, text=True, check=True).stdout
    requests, micros, p50, p95, errors = map(int, re.search(r"RESULT (.+)", output)
                                             .group(1).split())
    return requests / (micros / 1e6), p50 / 1000, p95 / 1000, errors


def static_path(base):
    """The address of the site's stylesheet, as the home page names it."""
    import urllib.request

    with urllib.request.urlopen(base + "/") as response:  # noqa: S310 - our own server
        html = response.read().decode()
    return re.search(r'href="(/static/css/portal[^"]*\.css)"', html).group(1)


def serve_and_load(pages, cache_seconds, arguments, script):
    """One run of the server with PAGE_CACHE_SECONDS: each page and the static file loaded in
    turn, `--rounds` times (alternating, so that the machine's drifts fall on all of them);
    the median of each figure over the rounds, {label: (rate, p50, p95, errors)}."""
    # Workers are not recycled during the measure: a restart (seconds of CPU) would fall on
    # one page's figures.
    os.environ.update({**SERVER_ENV, "PAGE_CACHE_SECONDS": str(cache_seconds),
                       "BASE_URL": f"http://127.0.0.1:{PORT}", "GUNICORN_MAX_REQUESTS": "0"})
    with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as log:
        server = start_server(PORT, workers=2, threads=None, log=log)
    try:
        base = f"http://127.0.0.1:{PORT}"
        urls = {"static file": base + static_path(base),
                **{label: base + path for label, path in pages.items()}}
        for url in urls.values():
            warm_up(url)
        rounds = {label: [] for label in urls}
        for _round in range(arguments.rounds):
            for label, url in urls.items():
                rounds[label].append(load(url, arguments.seconds, arguments.connections, script))
                time.sleep(2)  # the server ends what the last load left it
        return {label: tuple(statistics.median(values) for values in zip(*figures, strict=True))
                for label, figures in rounds.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(title, figures, queries=None):
    static_rate = figures["static file"][0]
    print(f"\n{title}")
    print(f"  {'page':<16} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'× static':>9} "
          f"{'errors':>7}{'  queries' if queries else ''}")
    for label, (rate, p50, p95, errors) in figures.items():
        extra = (f"  {queries[label][0]:>4} / {queries[label][1]:<4}"
                 if queries and label in queries else "")
        print(f"  {label:<16} {rate:8.0f} {p50:8.1f} {p95:8.1f} {rate / static_rate:9.2f} "
              f"{errors:>7}{extra}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    arguments = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if not os.environ.get("REDIS_URL"):
        sys.exit("Set REDIS_URL: the page cache of the deployed site is shared in Redis.")

    import django

    django.setup()
    from django.db import connection

    pages = make_volumes()
    queries = count_queries(pages)
    print(f"Database: {connection.vendor}; pages: {pages}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    before = serve_and_load(pages, 0, arguments, script.name)
    report("Without the page cache (PAGE_CACHE_SECONDS=0)", before, queries)
    after = serve_and_load(pages, 600, arguments, script.name)
    report("With the page cache (PAGE_CACHE_SECONDS=600)", after)

    static_rate = after["static file"][0]
    slow = [label for label in pages if after[label][0] < TARGET_RATIO * static_rate]
    heavy = [label for label in pages if queries[label][1] > TARGET_QUERIES]
    failed = [label for label in pages if before[label][3] or after[label][3]]
    print(f"\nTargets: cached pages ≥ {TARGET_RATIO} × static: "
          f"{'met' if not slow else 'NOT met (' + ', '.join(slow) + ')'}; "
          f"≤ {TARGET_QUERIES} queries uncached (shared caches warm): "
          f"{'met' if not heavy else 'NOT met (' + ', '.join(heavy) + ')'}; "
          f"no error: {'met' if not failed else 'NOT met (' + ', '.join(failed) + ')'}")
    sys.exit(1 if slow or heavy or failed else 0)


if __name__ == "__main__":
    main()
