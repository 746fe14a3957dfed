"""Mutual aid in Chromium with axe-core (WCAG 2.1 A and AA), on the demo content
(`seed_demo`): the representative of "Entraide et partage chellois" posts an offer through
the form; the member of "Les Jardins partagés de Vaires" finds it in the list, opens it and
answers; the representative receives the answer by email, without the member's address, and
reads it in the thread."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from demo.management.commands.seed_demo import DEMO_MEMBERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

POSTER = DEMO_MEMBERS[0]  # the representative of Entraide et partage chellois
ANSWERER = DEMO_MEMBERS[1]  # the member of Les Jardins partagés de Vaires
TITLE = "Une camionnette pour vos déménagements"
ANSWER = "Bonjour, elle nous serait bien utile samedi prochain pour notre bourse aux plantes."


def sign_in(page, site_url, who):
    _username, email, password, *_rest = who
    page.goto(site_url + "/extranet/")
    page.get_by_label("Adresse e-mail ou identifiant").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")


def post_an_offer(page, site_url, assert_accessible):
    sign_in(page, site_url, POSTER)
    page.goto(site_url + "/extranet/entraide/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Entraide")
    page.get_by_role("link", name="Proposer une offre").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelle annonce d'entraide")
    assert_accessible(page)
    expect(page.get_by_role("radio", name="offre")).to_be_checked()
    page.get_by_label("Catégorie").select_option(label="transport")
    page.get_by_label("Titre").fill(TITLE)
    page.get_by_label("Description").fill("Douze mètres cubes, le samedi, avec un chauffeur.")
    page.get_by_label("Commune").select_option(label="Chelles")
    page.get_by_role("button", name="Publier l'annonce").click()
    expect(page.get_by_text("Votre annonce est publiée")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)


def test_a_member_posts_an_offer_and_another_association_answers_it(
        browser, page, site_url, assert_accessible):
    post_an_offer(page, site_url, assert_accessible)
    poster_page = page

    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    sign_in(page, site_url, ANSWERER)
    page.goto(site_url + "/extranet/entraide/")
    page.get_by_role("search", name="Filtrer les annonces").get_by_label("Rechercher").fill(
        "camionnette")
    page.get_by_role("button", name="Filtrer").click()
    assert_accessible(page)
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(page)
    page.get_by_label("Votre message").fill(ANSWER)
    page.get_by_role("button", name="Envoyer le message").click()
    expect(page.get_by_text("Votre message est envoyé")).to_be_visible()
    expect(page.get_by_text(ANSWER)).to_be_visible()
    assert_accessible(page)
    context.close()

    [email] = mail.outbox
    assert email.to == [POSTER[1]]
    assert ANSWER in email.body
    assert ANSWERER[1] not in email.subject + email.body and not email.reply_to
    thread = email.body.split("/extranet/entraide/conversations/", 1)[1].split()[0]
    poster_page.goto(f"{site_url}/extranet/entraide/conversations/{thread}")
    expect(poster_page.get_by_role("heading", level=1)).to_have_text(
        "Conversation avec Les Jardins partagés de Vaires")
    expect(poster_page.get_by_text(ANSWER)).to_be_visible()
