"""Benchmark of the governance (issue: governance). The targets held here are the site's own,
for a collective far larger than today's (a departmental collective has tens of member
associations; this one has 500): every association's vote in an online ballot is cast at
more than 50 a second and at p95 under 50 ms, the ballot is counted in under 2 seconds,
decisions are written in the register at more than 50 a second, and `verify_decisions`
checks a register of 10,000 decisions in under 10 seconds, all on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench \
        .venv/bin/python benchmarks/governance.py [--associations 500] [--decisions 10000]

Makes what it needs (member associations with their representatives named "Banc d'essai",
the plenary assembly) in the database it is given: run it on a throw-away one. Votes go
through the same service as the ballot page (extranet.governance.voting), one at a time,
each in its own transaction, in random order; the decisions through the register's
(extranet.governance.register), one at a time.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

TARGET_VOTES_PER_S = 50
TARGET_VOTE_P95_MS = 50
TARGET_COUNT_S = 2
TARGET_DECISIONS_PER_S = 50
TARGET_VERIFY_S = 10
PREFIX = "Banc d'essai"


def p95(values):
    values = sorted(values)
    return values[max(int(len(values) * 0.95) - 1, 0)]


def associations_with_representatives(count):
    """`count` member associations of the bench, each with its representative."""
    from django.contrib.auth import get_user_model

    from directory.models import Association
    from extranet.accounts.models import Membership, Role

    User = get_user_model()
    existing = Association.objects.filter(name__startswith=PREFIX).count()
    if existing < count:
        Association.objects.bulk_create(
            Association(name=f"{PREFIX} {n:05d}", slug=f"banc-d-essai-{n:05d}", is_member=True)
            for n in range(existing, count)
        )
        associations = Association.objects.filter(name__startswith=PREFIX).order_by("pk")
        User.objects.bulk_create(
            User(username=f"banc{association.pk}", email=f"banc{association.pk}@example.org",
                 last_name=association.name)
            for association in associations[existing:]
        )
        users = {user.username: user for user in User.objects.filter(username__startswith="banc")}
        Membership.objects.bulk_create(
            Membership(person=users[f"banc{association.pk}"], association=association,
                       role=Role.REPRESENTATIVE, starts_on=datetime.date(2026, 1, 1))
            for association in associations[existing:]
        )
    memberships = Membership.objects.filter(association__name__startswith=PREFIX)
    return list(memberships.select_related("person", "association")[:count])


def time_votes(ballot, representatives):
    from extranet.governance import voting
    from extranet.governance.models import Choice

    timings = []
    started = time.perf_counter()
    for membership in representatives:
        choice = random.choice(Choice.values)  # noqa: S311 - a benchmark's spread
        before = time.perf_counter()
        voting.cast_vote(ballot, membership.association, choice, by=membership.person)
        timings.append((time.perf_counter() - before) * 1000)
    return len(representatives) / (time.perf_counter() - started), timings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--associations", type=int, default=500)
    parser.add_argument("--decisions", type=int, default=10_000)
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.utils import timezone

    from extranet.governance import register, voting
    from extranet.governance.models import Body, BodyKind, Decision, Outcome, Proposal

    plenary = Body.objects.filter(kind=BodyKind.PLENARY).first() or Body.objects.create(
        name="Assemblée plénière", kind=BodyKind.PLENARY)
    representatives = associations_with_representatives(arguments.associations)
    random.shuffle(representatives)
    proposal = Proposal.objects.create(
        body=plenary, title="Banc d'essai : calendrier", text="…",
        author_association=representatives[0].association)
    ballot = voting.open_ballot(proposal, by=None,
                                closes_at=timezone.now() + datetime.timedelta(hours=1))
    print(f"Database: {connection.vendor}, {ballot.electors.count():,} associations called "
          f"to vote")

    rate, timings = time_votes(ballot, representatives)
    vote_p95 = p95(timings)
    print(f"  votes            {rate:6.0f}/s, p50 {statistics.median(timings):5.1f} ms, "
          f"p95 {vote_p95:5.1f} ms")
    started = time.perf_counter()
    voting.close_ballot(ballot, now=ballot.closes_at)
    counted = time.perf_counter() - started
    print(f"  counting         {counted:6.2f} s")

    missing = arguments.decisions - Decision.objects.count()  # the ballot's decision counts
    started = time.perf_counter()
    for n in range(max(missing, 0)):
        register.publish(body=plenary, title=f"Décision du banc d'essai {n}", text="…" * 50,
                         decided_on=timezone.localdate(), outcome=Outcome.ADOPTED)
    decision_rate = max(missing, 1) / (time.perf_counter() - started)
    print(f"  decisions        {decision_rate:6.0f}/s ({max(missing, 0):,} written)")
    started = time.perf_counter()
    broken, checked = register.verify()
    verified = time.perf_counter() - started
    assert broken is None, broken
    print(f"  verify_decisions {verified:6.2f} s for {checked:,} decisions")

    def verdict(ok):
        return "met" if ok else "NOT met"

    votes_met = rate > TARGET_VOTES_PER_S and vote_p95 < TARGET_VOTE_P95_MS
    print(f"Targets: votes {rate:.0f}/s (> {TARGET_VOTES_PER_S}) and p95 {vote_p95:.1f} ms "
          f"(< {TARGET_VOTE_P95_MS}): {verdict(votes_met)}; "
          f"counting {counted:.2f} s (< {TARGET_COUNT_S}): {verdict(counted < TARGET_COUNT_S)}; "
          f"decisions {decision_rate:.0f}/s (> {TARGET_DECISIONS_PER_S}): "
          f"{verdict(missing <= 0 or decision_rate > TARGET_DECISIONS_PER_S)}; "
          f"verify {verified:.2f} s (< {TARGET_VERIFY_S}): {verdict(verified < TARGET_VERIFY_S)}")


if __name__ == "__main__":
    main()
