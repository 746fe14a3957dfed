"""The join page of the tests' site, the charter it asks to accept, and the coordinators."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from extranet.accounts.models import Role
from joining.models import CollectiveMembership
from portal.editorial import setup_editorial_roles
from tests.factories import AssociationFactory, MembershipFactory, UserFactory
from tests.factories.charter import CharterPageFactory
from tests.factories.joining import JoinPageFactory


@pytest.fixture
def charter_page(home_page):
    """The French charter, published: its version 1 is written."""
    return CharterPageFactory(parent=home_page)


@pytest.fixture
def charter(charter_page):
    """Version 1 of the charter, the current one."""
    return charter_page.versions.get(number=1)


@pytest.fixture
def join_page(home_page):
    return JoinPageFactory(parent=home_page)


@pytest.fixture
def roles(db):
    return setup_editorial_roles()


@pytest.fixture
def coordinator(roles):
    return UserFactory(username="coordinatrice", email="coordinatrice@example.org",
                       groups=[roles.coordinators])


@pytest.fixture
def editor(roles):
    """Staff of the site who may not decide on join requests."""
    return UserFactory(username="redacteur", groups=[roles.editors])


@pytest.fixture
def association(db):
    """In the directory, not a member yet."""
    return AssociationFactory(name="Comité des fêtes de Champs", rna_id="W771000001",
                              siret="")


@pytest.fixture
def form_data(charter):
    """What a representative types for an association absent from the directory."""
    return {
        "search": "", "choice": "new",
        "proposed_name": "Lire et faire lire à Lagny", "proposed_rna_id": "W772000002",
        "proposed_siret": "", "proposed_postcode": "77400",
        "proposed_commune": "Lagny-sur-Marne",
        "sector": _sector_pk(), "first_name": "Karim", "last_name": "Haddad",
        "email": "karim.haddad@example.org", "role": "trésorier",
        "motivation": "Trouver des salles et des partenaires.",
        "charter_version": charter.pk, "accept_charter": "on", "website": "",
        "send": "",
    }


def _sector_pk():
    from directory.models import Sector

    return Sector.objects.get(code="015000").pk


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context in which what waits for the commit (the emails' tasks) runs at its end, as
    after a real request."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


# An association that is a member of the collective, with its people in the extranet
# (tests of its departure: test_leaving.py, test_leave_page_access.py).

@pytest.fixture
def club(db):
    """A member association for a year, by its adhesion."""
    club = AssociationFactory(name="Club de randonnée de Lagny", is_member=True)
    CollectiveMembership.objects.create(
        association=club, starts_on=timezone.localdate() - datetime.timedelta(days=365))
    return club


@pytest.fixture
def club_representative(club):
    return MembershipFactory(association=club, role=Role.REPRESENTATIVE,
                             person__email="representante@example.org").person


@pytest.fixture
def club_member(club):
    return MembershipFactory(association=club, person__email="membre@example.org").person


@pytest.fixture
def network_coordinator(db):
    """A coordinator of the extranet (with the second factor coordinators must have)."""
    person = MembershipFactory(role=Role.COORDINATOR,
                               person__email="coordination@example.org").person
    TOTP.activate(person, generate_totp_secret())
    return person


@pytest.fixture
def neighbour_representative(db):
    """The representative of another member association."""
    neighbour = AssociationFactory(name="Jardins partagés de Vaires", is_member=True)
    return MembershipFactory(association=neighbour, role=Role.REPRESENTATIVE).person
