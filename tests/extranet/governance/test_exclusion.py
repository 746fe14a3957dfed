"""An adopted proposal to exclude an association (a decision of the plenary assembly) ends its
adhesion on the day of the decision, the decision linked (joining.leaving, a receiver of
`decision_published`); a rejected one changes nothing."""

import datetime

import pytest
from django.utils import timezone

from extranet.accounts.models import Membership
from extranet.governance import register, voting
from extranet.governance.models import Choice, Effect, Outcome
from joining.models import CollectiveMembership, EndReason
from tests.extranet.governance.conftest import association_of
from tests.factories import AssociationFactory, MembershipFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def excluded(db):
    """A member association by its adhesion, with one person acting for it."""
    association = AssociationFactory(name="Association à exclure", is_member=True)
    CollectiveMembership.objects.create(
        association=association, starts_on=timezone.localdate() - datetime.timedelta(days=90))
    MembershipFactory(association=association)
    return association


@pytest.fixture
def exclusion(plenary, voters, excluded, coordinator):
    """A proposal to exclude it, put to the vote of the plenary assembly."""
    proposal = ProposalFactory(body=plenary, effect=Effect.EXCLUSION,
                               title="Exclusion de l'association")
    proposal.effect_associations.set([excluded])
    return voting.open_ballot(proposal, by=coordinator,
                              closes_at=timezone.now() + datetime.timedelta(days=7))


def decide(ballot, outcome):
    return register.publish(body=ballot.proposal.body, title=ballot.proposal.title,
                            text=ballot.proposal.text, decided_on=timezone.localdate(),
                            outcome=outcome, ballot=ballot)


def test_an_adopted_exclusion_ends_the_adhesion_with_its_decision(exclusion, excluded):
    decision = decide(exclusion, Outcome.ADOPTED)

    adhesion = CollectiveMembership.objects.get(association=excluded)
    assert (adhesion.ends_on, adhesion.end_reason, adhesion.decision) == (
        decision.decided_on, EndReason.EXCLUDED, decision)
    assert adhesion.end_note == decision.number


def test_an_adopted_exclusion_ends_the_memberships_of_its_people(exclusion, excluded):
    decision = decide(exclusion, Outcome.ADOPTED)

    assert Membership.objects.get(association=excluded).ends_on == decision.decided_on


def test_a_rejected_exclusion_changes_nothing(exclusion, excluded):
    decide(exclusion, Outcome.REJECTED)

    assert CollectiveMembership.objects.get(association=excluded).ends_on is None
    assert Membership.objects.get(association=excluded).ends_on is None


def test_an_adopted_proposal_without_effect_ends_no_adhesion(proposal, coordinator, excluded):
    ballot = voting.open_ballot(proposal, by=coordinator,
                                closes_at=timezone.now() + datetime.timedelta(days=7))

    decide(ballot, Outcome.ADOPTED)

    assert CollectiveMembership.objects.get(association=excluded).ends_on is None


def test_a_member_by_the_legacy_rule_is_excluded_too(plenary, voters, coordinator):
    legacy = AssociationFactory(name="Membre d'avant les adhésions", is_member=True)
    membership = MembershipFactory(association=legacy)
    proposal = ProposalFactory(body=plenary, effect=Effect.EXCLUSION)
    proposal.effect_associations.set([legacy])
    ballot = voting.open_ballot(proposal, by=coordinator,
                                closes_at=timezone.now() + datetime.timedelta(days=7))

    decision = decide(ballot, Outcome.ADOPTED)

    membership.refresh_from_db()
    assert membership.ends_on == decision.decided_on
    assert CollectiveMembership.objects.get(association=legacy).decision == decision


def test_the_vote_of_the_plenary_excludes_when_its_window_closes(exclusion, excluded, voters):
    for person in voters.values():
        voting.cast_vote(exclusion, association_of(person), Choice.FOR, by=person)

    voting.close_ballot(exclusion, now=exclusion.closes_at + datetime.timedelta(seconds=1))

    adhesion = CollectiveMembership.objects.get(association=excluded)
    assert adhesion.end_reason == EndReason.EXCLUDED
    assert adhesion.decision.ballot == exclusion
