"""The join page of the tests' site, the charter it asks to accept, and the coordinators."""

import pytest

from portal.editorial import setup_editorial_roles
from tests.factories import AssociationFactory, UserFactory
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
