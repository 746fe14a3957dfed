"""Signing a petition in Chromium: the campaign page and its form, the errors, the page that
asks to confirm, the emailed link and its confirmation, and axe-core on each page (the
campaigns' index, the campaign page, the form's error state)."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_campaign():
    from wagtail.models import Site

    from tests.factories import (
        CampaignIndexPageFactory,
        CampaignPageFactory,
        CampaignUpdateFactory,
    )

    home = Site.objects.get(is_default_site=True).root_page
    index = CampaignIndexPageFactory(parent=home, title="Nos campagnes d'essai",
                                     slug="campagnes-essai")
    campaign = CampaignPageFactory(
        parent=index, title="Pour des conventions pluriannuelles", slug="conventions",
        goal=500,
        demands=[("demand", {"title": "Des conventions de trois ans", "detail": "Enfin."})],
    )
    CampaignUpdateFactory(page=campaign, title="Lettre remise au préfet")
    return index, campaign


def test_a_visitor_signs_a_petition_and_confirms_it(page, site_url, assert_accessible):
    from campaigns.models import Signature

    index, _campaign = make_campaign()
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))

    page.goto(f"{site_url}{index.url}")
    assert_accessible(page)
    page.get_by_role("link", name="Pour des conventions pluriannuelles").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Pour des conventions pluriannuelles"
    )
    expect(page.get_by_text("sur un objectif de 500")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("textbox", name=re.compile("^Prénom")).fill("Camille")
    page.get_by_role("textbox", name=re.compile("^Nom")).fill("Martin")
    page.get_by_label("Adresse électronique").fill("camille-sans-arobase")
    page.get_by_label("Code postal").fill("77100")
    page.get_by_label("Association (facultatif)").fill("Amicale du quartier")
    page.get_by_role("button", name="Signer la pétition").click()

    expect(page.get_by_role("alert")).to_contain_text("Le formulaire comporte 2 erreurs")
    expect(page.get_by_label("Association (facultatif)")).to_have_value("Amicale du quartier")
    assert_accessible(page)

    page.get_by_label("Adresse électronique").fill("camille@example.org")
    page.get_by_label(re.compile("J'accepte le traitement de mes données")).check()
    page.get_by_role("button", name="Signer la pétition").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Plus qu'une étape : ouvrez le courriel que nous venons d'envoyer"
    )
    assert "camille" not in page.url
    assert_accessible(page)
    assert Signature.objects.get(email="camille@example.org").confirmed_at is None

    path = re.search(r"https?://[^/\s]+(\S*/petitions/confirmer/\S+/)",
                     mail.outbox[-1].body).group(1)
    page.goto(site_url + path)
    assert_accessible(page)
    page.get_by_role("button", name="Je confirme ma signature").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Votre signature compte")
    expect(page.get_by_text("La pétition compte 1 signature.")).to_be_visible()
    assert Signature.objects.get(email="camille@example.org").confirmed_at is not None
    assert problems == []


def test_the_print_button_of_a_campaign_prints_once(page, site_url):
    _index, campaign = make_campaign()
    page.add_init_script("window.printed = 0; window.print = function () { window.printed++; };")

    page.goto(f"{site_url}{campaign.url}imprimer/")
    page.get_by_role("button", name="Imprimer").click()

    assert page.evaluate("window.printed") == 1
