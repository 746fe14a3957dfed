"""A plenary assembly of three member associations, each with its representative, and a
proposal put to it (the visitors of tests/extranet/conftest.py are there too)."""

import datetime

import pytest
from django.utils import timezone

from extranet.accounts.models import Role
from extranet.governance import voting
from tests.factories import (
    AssociationFactory,
    MembershipFactory,
    PlenaryFactory,
    ProposalFactory,
)


@pytest.fixture
def plenary(db):
    return PlenaryFactory()


@pytest.fixture
def voters(plenary):
    """{association name: its representative}, three member associations."""
    people = {}
    for name in ("Amicale laïque de Chelles", "Les Restos du cœur de Torcy",
                 "Jardins de Vaires"):
        association = AssociationFactory(name=name, is_member=True)
        people[name] = MembershipFactory(association=association,
                                         role=Role.REPRESENTATIVE).person
    return people


@pytest.fixture
def proposal(plenary, voters):
    return ProposalFactory(body=plenary)


@pytest.fixture
def online_ballot(proposal, coordinator):
    return voting.open_ballot(proposal, by=coordinator,
                              closes_at=timezone.now() + datetime.timedelta(days=7))


def association_of(person):
    return person.memberships.get().association


# The rotating coordination (test_coordination_*.py): the plenary entrusts it for 12 months.

@pytest.fixture
def entrusting_body(db):
    body = PlenaryFactory()
    body.coordination_term_months = 12
    body.save()
    return body


@pytest.fixture
def coordinating_association(db):
    return AssociationFactory(name="Les Amis du canal", is_member=True)


@pytest.fixture
def coordinating_member(coordinating_association):
    """A plain member (no coordinator role) of the association that will coordinate."""
    return MembershipFactory(association=coordinating_association, role=Role.MEMBER).person
