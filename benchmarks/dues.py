"""Benchmark of the treasurer's dues pages. Targets, over 2,000 member associations (a third
undeclared, a third to pay, a third paid), on PostgreSQL: a GET of the treasurer's list
(100 associations a page, with its totals) answers in under 150 ms at the 95th percentile,
with the same number of queries as over 5 associations; the year's CSV export (every
association, streamed) is made in under 2 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench ALLOWED_HOSTS=127.0.0.1 \
        .venv/bin/python benchmarks/dues.py [--associations 2000]

Makes what is missing, in bulk (associations named "Banc d'essai cotisations N", their dues
of the current year, the year's scale, a coordinator « banc-tresoriere »), after migrating the
database if needed; run it on a throw-away database.
"""

import argparse
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

TARGET_LIST_P95_MS = 150
TARGET_EXPORT_S = 2
LIST_ROUNDS = 30
EXPORT_ROUNDS = 5
PREFIX = "Banc d'essai cotisations"


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[max(int(len(timings) * 0.95) - 1, 0)], timings[-1]


def make_dues(associations, year):
    """The associations and their dues of `year`, in bulk, when missing."""
    from directory.models import Association, Commune
    from extranet.dues.models import Dues, DuesBracket, DuesScale, Means

    scale, created = DuesScale.objects.get_or_create(year=year, defaults={"fund_share": 20})
    if created:
        DuesBracket.objects.bulk_create(
            DuesBracket(scale=scale, budget_from=start, amount=amount)
            for start, amount in [(0, 30), (10_000, 80), (50_000, 150), (200_000, 300)])
    made = Association.objects.filter(name__startswith=PREFIX)
    if made.count() >= associations:
        return
    commune = Commune.objects.order_by("code").first()
    created = Association.objects.bulk_create(
        Association(name=f"{PREFIX} {n}", slug=f"banc-essai-cotisations-{n}",
                    rna_id=f"W98{n:07d}", commune=commune, is_member=True)
        for n in range(made.count(), associations)
    )
    Dues.objects.bulk_create(
        Dues(association=association, year=year, budget=Decimal(5_000 + n * 97),
             amount=scale.amount_for(Decimal(5_000 + n * 97)),
             **({"paid_on": f"{year}-01-20", "means": Means.TRANSFER,
                 "receipt_number": f"{year}-{n:05d}"} if n % 3 == 2 else {}))
        for n, association in enumerate(created) if n % 3
    )


def treasurer():
    """A coordinator of the benchmark (a membership with the coordinator role)."""
    from django.contrib.auth import get_user_model

    from directory.models import Association
    from extranet.accounts.models import Membership, Role

    person, _created = get_user_model().objects.get_or_create(
        username="banc-tresoriere", defaults={"email": "banc-tresoriere@example.org"})
    association = Association.objects.filter(name__startswith=PREFIX).order_by("pk").first()
    Membership.objects.get_or_create(person=person, association=association,
                                     defaults={"role": Role.COORDINATOR})
    return person


def signed_in(person):
    """A test client signed in as `person`, second factor included (as tests/conftest.py
    does), so that extranet.second_factor lets a coordinator through."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from allauth.account.internal.flows.login import (
        _AUTHENTICATION_METHODS_USER_SESSION_KEY as USER_SESSION_KEY,
    )
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(person)
    session = client.session
    now = time.time()
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "username": person.username},
        {"method": "mfa", "at": now, "type": "totp"},
    ]
    session[USER_SESSION_KEY] = str(person.pk)
    session.save()
    return client


def queries_of(client, url):
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # a full log (DEBUG keeps the last 9,000 queries) would count none
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    return len(queries)


def time_list(client, url):
    assert client.get(url).status_code == 200  # warms the connection
    timings = []
    for _round in range(LIST_ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return queries_of(client, url), len(response.content), percentiles(timings)


def time_export(client, url):
    timings = []
    for _round in range(EXPORT_ROUNDS):
        started = time.perf_counter()
        response = client.get(url)
        content = b"".join(response.streaming_content)
        timings.append(time.perf_counter() - started)
    return queries_of(client, url), content.count(b"\n") - 1, percentiles(timings)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--associations", type=int, default=2000)
    options = parser.parse_args()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from directory.models import Association
    from extranet.dues import services

    year = services.current_year()
    make_dues(options.associations, year)
    client = signed_in(treasurer())
    list_url = f"{reverse('extranet:dues_list')}?annee={year}"
    export_url = f"{reverse('extranet:dues_export')}?annee={year}"
    queries, size, (p50, p95, slowest) = time_list(client, list_url)
    export_queries, lines, (e50, e95, emax) = time_export(client, export_url)

    print(f"Database: {connection.vendor}, {Association.objects.members().count():,} member "
          f"associations")
    print(f"Treasurer's list ({LIST_ROUNDS} GETs, {size:,} bytes, {queries} queries): "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {slowest:.1f} ms")
    print(f"Export ({EXPORT_ROUNDS} GETs, {lines:,} lines, {export_queries} queries): "
          f"p50 {e50:.2f} s, p95 {e95:.2f} s, max {emax:.2f} s")
    verdict = "met" if p95 < TARGET_LIST_P95_MS else "NOT met"
    print(f"Target: list p95 under {TARGET_LIST_P95_MS} ms: {verdict}")
    verdict = "met" if e95 < TARGET_EXPORT_S else "NOT met"
    print(f"Target: export under {TARGET_EXPORT_S} s: {verdict}")


if __name__ == "__main__":
    main()
