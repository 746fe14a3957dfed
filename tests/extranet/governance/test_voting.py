"""Who votes, once per association, until the window closes."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError
from django.utils import timezone

from extranet.accounts.models import Role
from extranet.governance import voting
from extranet.governance.models import Choice, Outcome, Vote
from tests.extranet.governance.conftest import association_of
from tests.factories import BodySeatFactory, MembershipFactory, ProposalFactory

pytestmark = pytest.mark.django_db

AMICALE = "Amicale laïque de Chelles"
RESTOS = "Les Restos du cœur de Torcy"
JARDINS = "Jardins de Vaires"


def test_a_representative_votes_for_their_association(online_ballot, voters):
    person = voters[AMICALE]
    vote = voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)
    assert (vote.association.name, vote.choice, vote.cast_by) == (AMICALE, "for", person)


def test_a_member_who_is_not_the_representative_cannot_vote(online_ballot, voters):
    association = association_of(voters[AMICALE])
    member = MembershipFactory(association=association, role=Role.MEMBER).person
    with pytest.raises(PermissionDenied):
        voting.cast_vote(online_ballot, association, Choice.FOR, by=member)
    assert not Vote.objects.exists()


def test_a_representative_cannot_vote_for_another_association(online_ballot, voters):
    with pytest.raises(PermissionDenied):
        voting.cast_vote(online_ballot, association_of(voters[RESTOS]), Choice.AGAINST,
                         by=voters[AMICALE])


def test_an_association_outside_the_body_cannot_vote(coordinator, voters):
    committee_seat = BodySeatFactory(association=association_of(voters[AMICALE]))
    ballot = voting.open_ballot(
        ProposalFactory(body=committee_seat.body), by=coordinator,
        closes_at=timezone.now() + datetime.timedelta(days=3),
    )
    with pytest.raises(PermissionDenied):
        voting.cast_vote(ballot, association_of(voters[RESTOS]), Choice.FOR, by=voters[RESTOS])


def test_a_vote_is_changed_until_the_window_closes(online_ballot, voters):
    person = voters[AMICALE]
    association = association_of(person)
    voting.cast_vote(online_ballot, association, Choice.FOR, by=person)
    voting.cast_vote(online_ballot, association, Choice.AGAINST, by=person)
    vote = Vote.objects.get()
    assert vote.choice == Choice.AGAINST
    assert vote.changed_at is not None


def test_a_vote_after_the_window_is_refused(online_ballot, voters):
    person = voters[AMICALE]
    later = online_ballot.closes_at + datetime.timedelta(seconds=1)
    with pytest.raises(ValidationError):
        voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person, now=later)
    assert not Vote.objects.exists()


def test_a_vote_cannot_change_once_counted(online_ballot, voters):
    person = voters[AMICALE]
    voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person)
    voting.close_ballot(online_ballot, now=online_ballot.closes_at)
    with pytest.raises(ValidationError):
        voting.cast_vote(online_ballot, association_of(person), Choice.AGAINST, by=person,
                         now=online_ballot.closes_at - datetime.timedelta(hours=1))
    assert Vote.objects.get().choice == Choice.FOR


def test_a_vote_before_the_ballot_opens_is_refused(online_ballot, voters):
    person = voters[AMICALE]
    with pytest.raises(ValidationError):
        voting.cast_vote(online_ballot, association_of(person), Choice.FOR, by=person,
                         now=online_ballot.opens_at - datetime.timedelta(minutes=1))


def test_an_unknown_choice_is_refused(online_ballot, voters):
    person = voters[AMICALE]
    with pytest.raises(ValidationError):
        voting.cast_vote(online_ballot, association_of(person), "maybe", by=person)


def test_the_database_refuses_a_second_vote_of_one_association(online_ballot, voters):
    association = association_of(voters[AMICALE])
    Vote.objects.create(ballot=online_ballot, association=association, choice=Choice.FOR)
    with pytest.raises(IntegrityError):
        Vote.objects.create(ballot=online_ballot, association=association, choice=Choice.FOR)


def test_an_association_that_joins_after_the_opening_is_not_called_to_vote(online_ballot):
    newcomer = MembershipFactory(role=Role.REPRESENTATIVE)
    newcomer.association.is_member = True
    newcomer.association.save()
    with pytest.raises(PermissionDenied):
        voting.cast_vote(online_ballot, newcomer.association, Choice.FOR, by=newcomer.person)


def test_closing_counts_the_votes_and_writes_the_decision(online_ballot, voters):
    for name, choice in ((AMICALE, Choice.FOR), (RESTOS, Choice.FOR), (JARDINS, Choice.AGAINST)):
        voting.cast_vote(online_ballot, association_of(voters[name]), choice, by=voters[name])
    ballot = voting.close_ballot(online_ballot, now=online_ballot.closes_at)
    assert (ballot.votes_for, ballot.votes_against, ballot.abstentions) == (2, 1, 0)
    # The three associations, and the coordinator's: four called to vote, three voted.
    assert (ballot.electorate, ballot.counted_present, ballot.quorum_met) == (4, 3, True)
    assert ballot.outcome == Outcome.ADOPTED
    assert ballot.decision.votes_for == 2
    assert ballot.decision.text == online_ballot.proposal.text


def test_a_ballot_without_quorum_writes_no_decision(online_ballot, voters):
    voting.cast_vote(online_ballot, association_of(voters[AMICALE]), Choice.FOR,
                     by=voters[AMICALE])
    ballot = voting.close_ballot(online_ballot, now=online_ballot.closes_at)
    assert (ballot.quorum_met, ballot.outcome) == (False, Outcome.NO_DECISION)
    assert not hasattr(ballot, "decision")


def test_an_online_ballot_is_not_counted_before_its_window_ends(online_ballot):
    with pytest.raises(ValidationError):
        voting.close_ballot(online_ballot, now=online_ballot.closes_at
                            - datetime.timedelta(minutes=1))


def test_the_due_ballots_are_counted_once(online_ballot, voters):
    later = online_ballot.closes_at + datetime.timedelta(minutes=5)
    assert len(voting.close_due_ballots(now=later)) == 1
    assert voting.close_due_ballots(now=later) == []


def test_a_secret_ballot_records_who_voted_not_how(proposal, coordinator, voters):
    ballot = voting.open_ballot(proposal, by=coordinator, secret=True,
                                closes_at=timezone.now() + datetime.timedelta(days=2))
    for name, choice in ((AMICALE, Choice.FOR), (RESTOS, Choice.AGAINST)):
        voting.cast_vote(ballot, association_of(voters[name]), choice, by=voters[name])
    assert set(Vote.objects.values_list("choice", flat=True)) == {""}
    assert sorted(ballot.papers.values_list("choice", flat=True)) == ["against", "for"]


def test_a_secret_vote_changed_keeps_one_paper(proposal, coordinator, voters):
    ballot = voting.open_ballot(proposal, by=coordinator, secret=True,
                                closes_at=timezone.now() + datetime.timedelta(days=2))
    person = voters[AMICALE]
    voting.cast_vote(ballot, association_of(person), Choice.FOR, by=person)
    voting.cast_vote(ballot, association_of(person), Choice.ABSTAIN, by=person)
    assert list(ballot.papers.values_list("choice", flat=True)) == ["abstain"]


def test_counting_a_secret_ballot_erases_what_tied_papers_to_associations(
    proposal, coordinator, voters
):
    ballot = voting.open_ballot(proposal, by=coordinator, secret=True,
                                closes_at=timezone.now() + datetime.timedelta(days=2))
    for name in (AMICALE, RESTOS):
        voting.cast_vote(ballot, association_of(voters[name]), Choice.FOR, by=voters[name])
    ballot = voting.close_ballot(ballot, now=ballot.closes_at)
    assert ballot.votes_for == 2
    assert ballot.seal_key == ""
    assert set(ballot.papers.values_list("seal", flat=True)) == {None}


def test_a_withdrawn_proposal_is_not_put_to_the_vote(proposal, coordinator):
    proposal.withdrawn_at = timezone.now()
    with pytest.raises(ValidationError):
        voting.open_ballot(proposal, by=coordinator,
                           closes_at=timezone.now() + datetime.timedelta(days=2))


def test_a_proposal_is_not_put_to_two_votes_at_once(online_ballot, coordinator):
    with pytest.raises(ValidationError):
        voting.open_ballot(online_ballot.proposal, by=coordinator,
                           closes_at=timezone.now() + datetime.timedelta(days=2))


def test_casting_a_vote_costs_the_same_queries_whatever_the_electorate(
    proposal, coordinator, voters, django_assert_max_num_queries
):
    for _n in range(30):
        MembershipFactory(role=Role.REPRESENTATIVE, association__is_member=True)
    ballot = voting.open_ballot(proposal, by=coordinator,
                                closes_at=timezone.now() + datetime.timedelta(days=2))
    person = voters[AMICALE]
    association = association_of(person)
    with django_assert_max_num_queries(9):
        voting.cast_vote(ballot, association, Choice.FOR, by=person)
