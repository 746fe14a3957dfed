"""The extranet in Chromium: signing in through the login form, and axe-core on its pages.

The demo content (`seed_demo`) provides the members: the representative of "Entraide et
partage chellois" signs in here."""

import pytest
from playwright.sync_api import expect

from portal.management.commands.seed_demo import DEMO_MEMBERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_USERNAME, EMAIL, PASSWORD, _FIRST, _LAST, ASSOCIATION, _ROLE = DEMO_MEMBERS[0]


def sign_in(page, site_url):
    page.goto(site_url + "/extranet/")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def test_member_signs_in_through_the_login_form_and_sees_their_association(page, site_url):
    sign_in(page, site_url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    expect(page.get_by_role("heading", level=3)).to_have_text(ASSOCIATION)
    expect(page.get_by_role("link", name="Modifier la fiche publique")).to_be_visible()
    assert page.url == site_url + "/extranet/"


def test_login_page_is_accessible(page, site_url, assert_accessible):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(site_url + "/extranet/compte/login/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Se connecter à l'espace membres")
    assert_accessible(page)
    assert errors == []


def test_extranet_home_and_profile_are_accessible(page, site_url, assert_accessible):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    assert_accessible(page)

    page.get_by_role("link", name="Mon profil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon profil")
    assert_accessible(page)
    assert errors == []


def test_invited_person_accepts_and_reaches_the_extranet(page, site_url, assert_accessible):
    from directory.models import Association
    from extranet.accounts.models import Invitation
    from extranet.accounts.services import invitation_token

    association = Association.objects.get(name="Les Jardins partagés de Vaires")
    invitation = Invitation.objects.create(email="nadia@example.org", association=association)
    page.goto(f"{site_url}/extranet/invitation/{invitation_token(invitation)}/")
    assert_accessible(page)

    page.get_by_label("Prénom").fill("Nadia")
    page.get_by_label("Nom :", exact=True).fill("Benali")
    page.get_by_label("Mot de passe :", exact=True).fill("un mot de passe long et solide")
    page.get_by_label("Le même mot de passe, encore").fill("un mot de passe long et solide")
    page.get_by_role("button", name="Créer mon compte et accepter").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    expect(page.get_by_role("heading", level=3)).to_have_text(association.name)
