"""Each majority rule on edge tallies, and the quorum."""

import pytest

from extranet.governance.models import MajorityRule, Outcome
from extranet.governance.rules import Tally, outcome


def tally(votes_for, votes_against, abstentions, electorate=10, present=None):
    voters = votes_for + votes_against + abstentions
    return Tally(electorate=electorate, present=voters if present is None else present,
                 votes_for=votes_for, votes_against=votes_against, abstentions=abstentions)


@pytest.mark.parametrize(("votes", "expected"), [
    ((4, 3, 3), Outcome.ADOPTED),
    ((3, 3, 4), Outcome.REJECTED),  # a tie rejects
    ((1, 0, 9), Outcome.ADOPTED),  # abstentions do not count
    ((0, 0, 10), Outcome.REJECTED),
])
def test_a_simple_majority_needs_more_for_than_against(votes, expected):
    assert outcome(tally(*votes), MajorityRule.SIMPLE, 50) == (True, expected)


@pytest.mark.parametrize(("votes", "expected"), [
    ((6, 2, 2), Outcome.ADOPTED),
    ((5, 1, 4), Outcome.REJECTED),  # half of the voters is not more than half
    ((4, 0, 6), Outcome.REJECTED),  # abstentions count among the voters
])
def test_an_absolute_majority_needs_more_than_half_of_the_voters(votes, expected):
    assert outcome(tally(*votes), MajorityRule.ABSOLUTE, 50) == (True, expected)


@pytest.mark.parametrize(("votes", "expected"), [
    ((6, 3, 1), Outcome.ADOPTED),  # exactly two thirds of the votes expressed
    ((5, 3, 2), Outcome.REJECTED),
    ((2, 1, 7), Outcome.ADOPTED),  # abstentions aside
    ((0, 0, 10), Outcome.REJECTED),
])
def test_two_thirds_of_the_votes_expressed_are_needed(votes, expected):
    assert outcome(tally(*votes), MajorityRule.TWO_THIRDS, 50) == (True, expected)


@pytest.mark.parametrize(("votes", "expected"), [
    ((9, 0, 1), Outcome.ADOPTED),
    ((9, 1, 0), Outcome.REJECTED),  # one objection is enough
    ((0, 0, 10), Outcome.REJECTED),  # nobody for: nothing to adopt
])
def test_consensus_is_reached_unless_one_association_objects(votes, expected):
    assert outcome(tally(*votes), MajorityRule.CONSENSUS, 50) == (True, expected)


def test_without_the_quorum_there_is_no_decision_whatever_the_votes():
    assert outcome(tally(4, 0, 0, electorate=10), MajorityRule.SIMPLE, 50) == (
        False, Outcome.NO_DECISION,
    )


def test_the_quorum_is_met_at_exactly_its_share():
    assert outcome(tally(5, 0, 0, electorate=10), MajorityRule.SIMPLE, 50) == (
        True, Outcome.ADOPTED,
    )


def test_present_associations_that_do_not_vote_count_for_the_quorum():
    assert outcome(tally(2, 1, 0, electorate=10, present=6), MajorityRule.SIMPLE, 50)[0]


def test_a_body_without_quorum_still_needs_somebody_to_vote():
    assert outcome(tally(0, 0, 0, electorate=10), MajorityRule.SIMPLE, 0) == (
        False, Outcome.NO_DECISION,
    )
