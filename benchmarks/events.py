"""Benchmark of the events (issue: events). The issue names no figure; the targets held here
are the site's own: the events page, its archive and filters answer in under 150 ms at the
95th percentile, the iCalendar feed of every event to come in under 500 ms, and 300
registrations to one event (most of them to its waiting list) are taken at more than 20 a
second, all on PostgreSQL with
2,000 events.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench ALLOWED_HOSTS=127.0.0.1 \
        .venv/bin/python benchmarks/events.py [--events 2000]

Makes the demo site (`seed_demo`) if missing, and events with `seed_benchmark --events` until
there are as many as asked. Each request is a whole GET through Django's test client
(routing, queries, template), repeated; the site's caches are cleared first.
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("EMAIL_URL", "memorymail://")  # the confirmations, rendered, not sent

TARGET_PAGE_P95_MS = 150
TARGET_FEED_MS = 500
TARGET_REGISTRATIONS_PER_S = 20
ROUNDS = 10
REGISTRATIONS = 300


def timed(client, url, params=None, rounds=ROUNDS):
    values = []
    for _round in range(rounds):
        started = time.perf_counter()
        response = client.get(url, params or {})
        values.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
    return values


def p95(values):
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)]


def time_pages(client, pages):
    """Each page's GETs, timed and printed; all the timings."""
    all_values = []
    for label, (path, params) in pages.items():
        values = timed(client, path, params)
        all_values += values
        print(f"  {label:<16} median {statistics.median(values):6.1f} ms, "
              f"p95 {p95(values):6.1f} ms")
    return all_values


def time_registrations(event):
    """REGISTRATIONS people registering to `event`, half of them to its waiting list; the rate
    a second (printed). They are removed after."""
    from events import registrations
    from events.models import EventPage, Registration

    venue_seats = event.venue.capacity if event.venue_id and event.venue.capacity else None
    EventPage.objects.filter(pk=event.pk).update(
        capacity=min(REGISTRATIONS // 2, venue_seats or REGISTRATIONS))
    Registration.objects.filter(event=event, email__startswith="bench-").delete()
    started = time.perf_counter()
    for number in range(REGISTRATIONS):
        registrations.register(event, {"name": f"Personne {number}",
                                       "email": f"bench-{number}@example.org",
                                       "places": 1, "association_name": "", "needs": ""})
    rate = REGISTRATIONS / (time.perf_counter() - started)
    waiting = Registration.objects.filter(event=event, status="waiting").count()
    print(f"  registrations    {rate:6.1f} a second ({REGISTRATIONS} to one event, "
          f"{REGISTRATIONS - waiting} confirmed, {waiting} on the waiting list)")
    Registration.objects.filter(event=event, email__startswith="bench-").delete()
    return rate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=2000)
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from events.models import EventIndexPage, EventPage, Theme

    if not EventIndexPage.objects.exists():
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    missing = arguments.events - EventPage.objects.count()
    if missing > 0:
        started = time.perf_counter()
        call_command("seed_benchmark", events=missing, stdout=open(os.devnull, "w"))  # noqa: SIM115
        print(f"{missing:,} events made in {time.perf_counter() - started:.0f} s")
    index = EventIndexPage.objects.live().filter(locale__language_code="fr").first()
    theme = Theme.objects.order_by("pk").first()
    month = timezone.localdate().replace(day=1) + datetime.timedelta(days=40)
    count = EventPage.objects.live().count()
    client = Client(HTTP_HOST="127.0.0.1")
    url = index.url
    client.get(url)
    cache.clear()

    pages = {
        "events to come": (url, {}),
        "page 5": (url, {"page": 5}),
        "by theme": (url, {"theme": theme.slug}),
        "by month": (url, {"mois": month.strftime("%Y-%m")}),
        "archive": (url + "archives/", {}),
        "an event": (EventPage.objects.live().filter(locale=index.locale).last().url, {}),
    }
    print(f"Database: {connection.vendor}, {count:,} live events")
    page_p95 = p95(time_pages(client, pages))
    feed = timed(client, url + "calendrier.ics", rounds=5)
    feed_median = statistics.median(feed)
    print(f"  feed (.ics)      median {feed_median:6.1f} ms")

    rate = time_registrations(EventPage.objects.filter(
        locale=index.locale, registration_enabled=True, recurrence="",
        starts_at__gt=timezone.now()).first())

    print(f"Targets: pages p95 {page_p95:.1f} ms (< {TARGET_PAGE_P95_MS}): "
          f"{'met' if page_p95 < TARGET_PAGE_P95_MS else 'NOT met'}; "
          f"feed {feed_median:.0f} ms (< {TARGET_FEED_MS}): "
          f"{'met' if feed_median < TARGET_FEED_MS else 'NOT met'}; "
          f"registrations {rate:.0f}/s (> {TARGET_REGISTRATIONS_PER_S}): "
          f"{'met' if rate > TARGET_REGISTRATIONS_PER_S else 'NOT met'}")


if __name__ == "__main__":
    main()
