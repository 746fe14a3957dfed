"""Terms of coordination: given by an adopted proposal, or by the rotation order; never two
terms of a body on the same day."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from extranet.governance import coordination, voting
from extranet.governance.models import Choice, CoordinationTerm, Decision, Effect
from tests.extranet.governance.conftest import association_of
from tests.extranet.governance.coordination_helpers import in_days
from tests.factories import (
    AssociationFactory,
    CoordinationTermFactory,
    ProposalFactory,
    RotationPlaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordination_proposal(entrusting_body, voters, coordinating_association):
    proposal = ProposalFactory(body=entrusting_body, effect=Effect.COORDINATION,
                               effect_starts_on=in_days(30))
    proposal.effect_associations.set([coordinating_association])
    return proposal


def vote(proposal, voters, choice, coordinator):
    ballot = voting.open_ballot(proposal, by=coordinator,
                                closes_at=timezone.now() + datetime.timedelta(days=7))
    for person in voters.values():
        voting.cast_vote(ballot, association_of(person), choice, by=person)
    return ballot


def close(ballot):
    return voting.close_ballot(ballot, now=ballot.closes_at + datetime.timedelta(minutes=1))


def vote_and_close(proposal, voters, choice, coordinator):
    return close(vote(proposal, voters, choice, coordinator))


def test_an_adopted_coordination_proposal_starts_its_term(
        coordination_proposal, voters, coordinator, coordinating_association):
    vote_and_close(coordination_proposal, voters, Choice.FOR, coordinator)

    term = CoordinationTerm.objects.get()
    decision = Decision.objects.get()
    assert list(term.associations.all()) == [coordinating_association]
    assert term.starts_on == in_days(30)
    assert term.chosen_by == CoordinationTerm.Choice.DECISION
    assert term.decision == decision


def test_a_term_of_twelve_months_ends_the_day_before_its_anniversary(entrusting_body):
    assert coordination.term_end(entrusting_body, datetime.date(2031, 3, 1)) == \
        datetime.date(2032, 2, 29)
    assert coordination.term_end(entrusting_body, datetime.date(2031, 1, 15)) == \
        datetime.date(2032, 1, 14)


def test_a_rejected_coordination_proposal_starts_no_term(coordination_proposal, voters,
                                                          coordinator):
    vote_and_close(coordination_proposal, voters, Choice.AGAINST, coordinator)

    assert Decision.objects.get().outcome == "rejected"
    assert not CoordinationTerm.objects.exists()


def test_an_adopted_proposal_without_the_coordination_effect_starts_no_term(
        entrusting_body, voters, coordinator):
    vote_and_close(ProposalFactory(body=entrusting_body), voters, Choice.FOR, coordinator)

    assert Decision.objects.exists()
    assert not CoordinationTerm.objects.exists()


def test_a_decision_whose_days_were_taken_meanwhile_is_written_without_a_term(
        coordination_proposal, voters, coordinator, entrusting_body):
    ballot = vote(coordination_proposal, voters, Choice.FOR, coordinator)
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(20), ends_on=in_days(60))

    close(ballot)

    decision = Decision.objects.get()
    assert CoordinationTerm.objects.count() == 1
    assert list(coordination.unsettled_decisions()) == [decision]


def test_overlapping_terms_of_a_body_are_refused(entrusting_body):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(0), ends_on=in_days(100))

    with pytest.raises(ValidationError):
        coordination.create_term(body=entrusting_body, associations=[AssociationFactory()],
                                 starts_on=in_days(100),
                                 chosen_by=CoordinationTerm.Choice.DECISION)
    assert CoordinationTerm.objects.count() == 1


def test_a_term_may_start_the_day_after_the_last_one(entrusting_body):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(0), ends_on=in_days(100))

    coordination.create_term(body=entrusting_body, associations=[AssociationFactory()],
                             starts_on=in_days(101), chosen_by=CoordinationTerm.Choice.DECISION)

    assert CoordinationTerm.objects.count() == 2


def test_a_body_without_a_term_length_gives_no_term(plenary):
    plenary.coordination_term_months = None
    plenary.save()
    with pytest.raises(ValidationError):
        coordination.create_term(body=plenary, associations=[AssociationFactory()],
                                 starts_on=in_days(1), chosen_by=CoordinationTerm.Choice.DECISION)


def test_a_coordination_proposal_is_checked_before_the_vote(entrusting_body,
                                                            coordinating_association):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(0), ends_on=in_days(100))

    with pytest.raises(ValidationError):
        coordination.check_coordination_effect(entrusting_body, [coordinating_association],
                                               in_days(50))
    with pytest.raises(ValidationError):
        coordination.check_coordination_effect(entrusting_body, [], in_days(200))
    with pytest.raises(ValidationError):
        coordination.check_coordination_effect(
            entrusting_body, [AssociationFactory(is_member=False)], in_days(200))
    with pytest.raises(ValidationError):
        coordination.check_coordination_effect(entrusting_body, [coordinating_association],
                                               None)
    coordination.check_coordination_effect(entrusting_body, [coordinating_association],
                                           in_days(200))


def test_a_coordination_proposal_whose_days_are_taken_is_not_put_to_the_vote(
        coordination_proposal, coordinator, entrusting_body):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(0), ends_on=in_days(100))

    with pytest.raises(ValidationError):
        voting.open_ballot(coordination_proposal, by=coordinator,
                           closes_at=timezone.now() + datetime.timedelta(days=7))
    assert not coordination_proposal.ballots.exists()


# The rotation order.

@pytest.fixture
def three_in_turn(entrusting_body):
    """Three member associations, in that order."""
    return [RotationPlaceFactory(body=entrusting_body, position=rank,
                                 association=AssociationFactory(name=name, is_member=True))
            .association
            for rank, name in enumerate(["Alpha", "Bravo", "Charlie"], start=1)]


def test_the_first_turn_goes_to_the_first_association_from_today(entrusting_body,
                                                                 three_in_turn):
    term = coordination.next_by_rotation(entrusting_body)

    assert list(term.associations.all()) == [three_in_turn[0]]
    assert term.starts_on == timezone.localdate()
    assert term.ends_on == coordination.term_end(entrusting_body, term.starts_on)
    assert term.chosen_by == CoordinationTerm.Choice.ROTATION


def test_the_next_turn_follows_the_last_terms_association_the_day_after_it(
        entrusting_body, three_in_turn):
    last = CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-10),
                                   ends_on=in_days(20), associations=[three_in_turn[0]])

    term = coordination.next_by_rotation(entrusting_body)

    assert list(term.associations.all()) == [three_in_turn[1]]
    assert term.starts_on == last.ends_on + datetime.timedelta(days=1)


def test_the_rotation_wraps_around(entrusting_body, three_in_turn):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-10), ends_on=in_days(20),
                            associations=[three_in_turn[2]])

    assert list(coordination.next_by_rotation(entrusting_body).associations.all()) == \
        [three_in_turn[0]]


def test_the_rotation_skips_the_associations_no_longer_members(entrusting_body,
                                                               three_in_turn):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-10), ends_on=in_days(20),
                            associations=[three_in_turn[0]])
    three_in_turn[1].is_member = False
    three_in_turn[1].save()

    assert list(coordination.next_by_rotation(entrusting_body).associations.all()) == \
        [three_in_turn[2]]


def test_the_rotation_follows_the_last_of_several_associations(entrusting_body,
                                                               three_in_turn):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-10), ends_on=in_days(20),
                            associations=three_in_turn[:2])

    assert list(coordination.next_by_rotation(entrusting_body).associations.all()) == \
        [three_in_turn[2]]


def test_a_turn_after_a_long_gap_starts_today(entrusting_body, three_in_turn):
    CoordinationTermFactory(body=entrusting_body, starts_on=in_days(-400),
                            ends_on=in_days(-40), associations=[three_in_turn[0]])

    assert coordination.next_by_rotation(entrusting_body).starts_on == timezone.localdate()


def test_no_turn_without_a_rotation_order(entrusting_body):
    with pytest.raises(ValidationError):
        coordination.next_by_rotation(entrusting_body)
    assert not CoordinationTerm.objects.exists()


def test_the_rotation_order_is_set_in_the_order_given(entrusting_body, three_in_turn):
    alpha, _bravo, charlie = three_in_turn

    coordination.set_rotation(entrusting_body, [charlie.pk, alpha.pk])

    assert [(place.position, place.association) for place in
            entrusting_body.rotation_places.order_by("position")] == [(1, charlie), (2, alpha)]


def test_an_association_outside_the_collective_gets_no_rank(entrusting_body, three_in_turn):
    outsider = AssociationFactory(is_member=False)

    with pytest.raises(ValidationError):
        coordination.set_rotation(entrusting_body, [outsider.pk])
    assert entrusting_body.rotation_places.count() == 3
