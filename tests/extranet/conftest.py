"""The people of the extranet's tests, one of each kind of visitor."""

import pytest
from django.contrib.auth.models import Group

from extranet.accounts.models import Role
from portal.editorial import EDITORS
from tests.factories import AssociationFactory, MembershipFactory, PersonFactory

PASSWORD = "mot-de-passe-de-test"


@pytest.fixture
def association(db):
    return AssociationFactory(name="Entraide et partage chellois", is_member=True)


@pytest.fixture
def neighbour(db):
    """Another member association, next door."""
    return AssociationFactory(name="Les Jardins partagés de Vaires", is_member=True)


@pytest.fixture
def member(association):
    return MembershipFactory(association=association, role=Role.MEMBER).person


@pytest.fixture
def representative(association):
    return MembershipFactory(association=association, role=Role.REPRESENTATIVE).person


@pytest.fixture
def coordinator(db):
    """Coordinators must sign in with a second factor: this one has set it up."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    person = MembershipFactory(role=Role.COORDINATOR).person
    TOTP.activate(person, generate_totp_secret())
    return person


@pytest.fixture
def non_member(db):
    """Has an account (and a verified address) but acts for no association."""
    return PersonFactory()


@pytest.fixture
def editor(db):
    """A volunteer editor of the public site, not a member (a verified address: editors sign
    in on the same page as members)."""
    group, _created = Group.objects.get_or_create(name=EDITORS)
    return PersonFactory(username="redactrice", is_staff=True, groups=[group])
