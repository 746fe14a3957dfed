"""Benchmark of the mutual aid list. Seeds about 5,000 posts (offers and requests, a fifth of
them archived) over 300 member associations and times a member's GET of /extranet/entraide/
(the first page, and a page filtered by kind, category and commune), with its number of
queries: it stays the same whatever the number of posts. Target: p95 under 150 ms.

    DATABASE_URL=sqlite:////tmp/bench_aid.sqlite3 .venv/bin/python benchmarks/mutual_aid.py \
        [--associations 300] [--posts 5000]

Migrates the database if needed, then makes what is missing, in bulk (associations named
"Banc d'essai entraide N", one person acting for each, their posts); run it on a throw-away
database (SQLite or PostgreSQL).
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

TARGET_P95_MS = 150
ROUNDS = 30
PREFIX = "Banc d'essai entraide"
WORDS = ["Salle de réunion", "Camionnette", "Juriste bénévole", "Vidéoprojecteur",
         "Bras pour un samedi", "Comptable", "Barnum", "Local de stockage"]


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], timings[-1]


def make_posts(associations, posts):
    """The associations, one person each, and their posts, in bulk, when missing; the
    person who reads the list."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from directory.models import Association, Commune
    from extranet.accounts.models import Membership
    from extranet.mutual_aid.models import Category, Kind, Post, Status

    made = list(Association.objects.filter(name__startswith=PREFIX).order_by("pk"))
    communes = list(Commune.objects.filter(department="77", kind="commune")
                    .order_by("code")[:40])
    if len(made) < associations:
        made += Association.objects.bulk_create(
            Association(name=f"{PREFIX} {n}", slug=f"banc-essai-entraide-{n}",
                        rna_id=f"W98{n:07d}", commune=communes[n % len(communes)],
                        is_member=True)
            for n in range(len(made), associations))
    people = get_user_model().objects.filter(username__startswith="banc-entraide-")
    if people.count() < associations:
        created = get_user_model().objects.bulk_create(
            get_user_model()(username=f"banc-entraide-{n}",
                             email=f"banc-entraide-{n}@example.org", first_name=f"P{n}")
            for n in range(associations))
        Membership.objects.bulk_create(
            Membership(person=person, association=association,
                       starts_on=timezone.localdate() - datetime.timedelta(days=365))
            for person, association in zip(created, made, strict=False))
    people = list(get_user_model().objects.filter(username__startswith="banc-entraide-")
                  .order_by("pk"))
    today = timezone.localdate()
    missing = posts - Post.objects.filter(association__name__startswith=PREFIX).count()
    kinds, categories = list(Kind.values), list(Category.values)
    Post.objects.bulk_create(
        Post(kind=kinds[n % 2], category=categories[n % len(categories)],
             title=f"{WORDS[n % len(WORDS)]} n° {n}", description="Disponible en semaine.",
             association=made[n % len(made)], author=people[n % len(made)],
             commune=communes[n % len(communes)],
             starts_on=today - datetime.timedelta(days=n % 90),
             status=Status.CLOSED if n % 5 == 0 else Status.OPEN,
             closed_at=timezone.now() if n % 5 == 0 else None)
        for n in range(max(missing, 0)))
    return people[0]


def time_page(client, url):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    assert client.get(url).status_code == 200  # warms the connection and the caches
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings = []
    for _round in range(ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return len(queries), len(response.content), percentiles(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--associations", type=int, default=300)
    parser.add_argument("--posts", type=int, default=5000)
    options = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from extranet.mutual_aid.models import Post

    reader = make_posts(options.associations, options.posts)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(reader)
    url = reverse("extranet:aid_list")
    pages = [("first page", url),
             ("offers, premises, Chelles", f"{url}?kind=offer&category=premises&commune=77108"),
             ("search « camionnette »", f"{url}?q=camionnette")]
    print(f"Database: {connection.vendor}, {Post.objects.count():,} posts "
          f"({Post.objects.current().count():,} current), {options.associations} associations")
    print(f"{'page':<28} {'queries':>7} {'bytes':>8} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    worst = 0
    for label, address in pages:
        queries, size, (p50, p95, slowest) = time_page(client, address)
        worst = max(worst, p95)
        print(f"{label:<28} {queries:>7} {size:>8,} {p50:>7.1f} {p95:>7.1f} {slowest:>7.1f}")
    verdict = "met" if worst < TARGET_P95_MS else "NOT met"
    print(f"Target: p95 under {TARGET_P95_MS} ms ({ROUNDS} GETs each): {verdict}")


if __name__ == "__main__":
    main()
