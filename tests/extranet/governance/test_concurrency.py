"""Votes racing on PostgreSQL: one association, one vote, however many arrive at once (see
tests/campaigns/test_concurrency.py for why these tests commit for real and skip on SQLite)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from extranet.accounts.models import Role
from extranet.governance import register, voting
from extranet.governance.models import Choice, Decision, Outcome, Paper, Proxy, Vote
from tests.factories import MembershipFactory, PlenaryFactory, ProposalFactory
from tests.threads import at_once

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite takes one writer at a "
               "time, so nothing would run concurrently",
    ),
]


@pytest.fixture
def ballot_and_two_voters(transactional_db):
    """An online ballot of the plenary; the association's representative and the
    representative of the association holding its proxy both vote for it at once."""
    giver = MembershipFactory(role=Role.REPRESENTATIVE, association__is_member=True)
    holder = MembershipFactory(role=Role.REPRESENTATIVE, association__is_member=True)
    ballot = voting.open_ballot(ProposalFactory(body=PlenaryFactory()), by=None, secret=False,
                                closes_at=timezone.now() + datetime.timedelta(days=1))
    return ballot, giver, holder


def test_two_people_voting_for_one_association_at_once_make_one_vote(ballot_and_two_voters):
    ballot, giver, holder = ballot_and_two_voters
    Proxy.objects.create(ballot=ballot, giver=giver.association, holder=holder.association)
    # The giver takes its proxy back at the very moment its holder votes: whoever comes
    # second replaces the first's choice, one vote stays.
    at_once(lambda person: voting.cast_vote(ballot, giver.association, Choice.FOR, by=person),
            [holder.person] * 8)
    assert Vote.objects.filter(association=giver.association).count() == 1


def test_many_clicks_on_a_secret_ballot_leave_one_paper(transactional_db):
    voter = MembershipFactory(role=Role.REPRESENTATIVE, association__is_member=True)
    ballot = voting.open_ballot(ProposalFactory(body=PlenaryFactory()), by=None, secret=True,
                                closes_at=timezone.now() + datetime.timedelta(days=1))
    choices = [Choice.FOR, Choice.AGAINST] * 4
    at_once(lambda choice: voting.cast_vote(ballot, voter.association, choice,
                                            by=voter.person), choices)
    assert Vote.objects.count() == 1
    assert Paper.objects.count() == 1


def test_decisions_written_at_once_are_numbered_and_chained_one_after_the_other(
    transactional_db
):
    body = PlenaryFactory()
    at_once(lambda n: register.publish(body=body, title=f"Décision {n}", text="…",
                                       decided_on=datetime.date(2027, 2, 1),
                                       outcome=Outcome.ADOPTED), list(range(6)))
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == [f"2027-00{n}" for n in range(1, 7)]
    assert register.verify() == (None, 6)
