"""Registering to an event in Chromium: from the agenda to the event's page and its form, the
errors, the confirmation, and axe-core on each page.

The event is the demo's "Rencontre thématique : l'emploi associatif" (30 places, under the
events page `/agenda/`, made by seed_demo)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Rencontre thématique : l'emploi associatif"


def demo_event():
    from events.models import EventPage

    return EventPage.objects.get(title=TITLE, locale__language_code="fr")


def test_a_visitor_registers_to_an_event(page, site_url, assert_accessible):
    from events.models import Registration

    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.goto(f"{site_url}/agenda/")
    page.get_by_role("link", name=TITLE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(re.compile(r"Il reste \d+ places\."))).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Prénom et nom").fill("Camille Martin")
    page.get_by_label("Adresse électronique").fill("camille-sans-arobase")
    page.get_by_label("Association (facultatif)").fill("Les Jardins partagés de Vaires")
    page.get_by_label("Nombre de places").fill("2")
    page.get_by_role("button", name="M'inscrire").click()

    expect(page.get_by_role("alert")).to_contain_text("L'inscription n'est pas enregistrée")
    expect(page.get_by_label("Association (facultatif)")).to_have_value(
        "Les Jardins partagés de Vaires"
    )
    assert_accessible(page)

    page.get_by_label("Adresse électronique").fill("camille@example.org")
    page.get_by_role("button", name="M'inscrire").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre inscription est confirmée")
    expect(page.get_by_text("2 places sont réservées à votre nom.")).to_be_visible()
    assert "camille" not in page.url
    assert_accessible(page)
    assert Registration.objects.get(email="camille@example.org").places == 2
    assert problems == []


def test_the_cancel_page_passes_axe(page, site_url, assert_accessible):
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(event=demo_event(), name="Camille Martin")
    page.goto(f"{site_url}/events/annulation/{registration.token}/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Annuler une inscription")
    assert_accessible(page)
    page.get_by_role("button", name="Annuler mon inscription").click()
    expect(page.get_by_text("Votre inscription est annulée.")).to_be_visible()
    assert_accessible(page)
