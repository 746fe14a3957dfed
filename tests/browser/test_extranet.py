"""The extranet in Chromium: signing in through the login form, and axe-core on its pages.

The demo content (`seed_demo`) provides the members: the representative of "Entraide et
partage chellois" signs in here."""

import pytest
from playwright.sync_api import expect

from demo.management.commands.seed_demo import DEMO_MEMBERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_USERNAME, EMAIL, PASSWORD, _FIRST, _LAST, ASSOCIATION, _ROLE = DEMO_MEMBERS[0]


def sign_in(page, site_url):
    page.goto(site_url + "/extranet/")
    page.get_by_label("Adresse e-mail ou identifiant").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def test_member_signs_in_through_the_login_form_and_sees_their_association(page, site_url):
    sign_in(page, site_url)

    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    associations = page.get_by_role("region", name="Mes associations")
    expect(associations.get_by_role("heading", level=3)).to_have_text(ASSOCIATION)
    expect(associations.get_by_role("link", name="Modifier la fiche publique")).to_be_visible()
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

    account = page.get_by_role("navigation", name="Espace membres").locator("summary",
                                                                           has_text="Mon compte")
    account.click()
    page.get_by_role("link", name="Mon profil").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mon profil")
    assert_accessible(page)
    assert errors == []


def test_invited_person_accepts_signs_in_and_reads_the_news(page, site_url, assert_accessible):
    from directory.models import Association
    from extranet.accounts.models import Invitation
    from extranet.accounts.services import invitation_token

    association = Association.objects.get(name="Les Jardins partagés de Vaires")
    invitation = Invitation.objects.create(email="amina@example.org", association=association)
    page.goto(f"{site_url}/extranet/invitation/{invitation_token(invitation)}/")
    assert_accessible(page)

    page.get_by_label("Prénom").fill("Amina")
    page.get_by_label("Nom :", exact=True).fill("Haddad")
    page.get_by_label("Mot de passe :", exact=True).fill("un mot de passe long et solide")
    page.get_by_label("Le même mot de passe, encore").fill("un mot de passe long et solide")
    page.get_by_role("button", name="Créer mon compte et accepter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    associations = page.get_by_role("region", name="Mes associations")
    expect(associations.get_by_role("heading", level=3)).to_have_text(association.name)

    # Signs out, then back in through the login form with the new password.
    page.locator("summary", has_text="Mon compte").click()
    page.get_by_role("button", name="Se déconnecter").click()
    page.goto(site_url + "/extranet/")
    page.get_by_label("Adresse e-mail ou identifiant").fill("amina@example.org")
    page.get_by_label("Mot de passe").fill("un mot de passe long et solide")
    page.get_by_role("button", name="Se connecter").click()

    page.get_by_role("navigation", name="Espace membres").get_by_role(
        "link", name="Actualités").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actualités du réseau")
    page.get_by_role("link", name="Bienvenue dans l'espace membres du collectif").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bienvenue dans l'espace membres du collectif")
    expect(page.get_by_text("Enfin un endroit pour nous retrouver")).to_be_visible()
    assert_accessible(page)


EXTRANET_PAGES = [
    # (link in the extranet's menu, heading of the page)
    ("Actualités", "Actualités du réseau"),
    ("Annuaire des membres", "Annuaire des membres"),
    ("Groupes de travail", "Groupes de travail"),
    ("Réunions", "Réunions"),
]


def test_the_extranet_s_pages_are_accessible(page, site_url, assert_accessible):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, site_url)
    menu = page.get_by_role("navigation", name="Espace membres")
    for link, heading in EXTRANET_PAGES:
        menu.get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page)

    page.get_by_role("link", name="Plaidoyer auprès des élus").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plaidoyer auprès des élus")
    assert_accessible(page)

    page.goto(site_url + "/extranet/actualites/nouvelle/")
    page.get_by_role("button", name="Publier", exact=True).click()  # empty: the errors are shown
    assert_accessible(page)
    assert errors == []
