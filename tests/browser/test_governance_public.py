"""The public decisions in Chromium, on the demo content: the page « Nos décisions et
positions » and a decision's page pass axe-core, in French and in English."""

import datetime

import pytest
from playwright.sync_api import expect

from extranet.governance.models import DecisionsPage
from tests.factories.decisions import decide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def decisions(demo_site):
    """The French page and its English translation, a public decision that replaces another,
    and one that is not public."""
    page = DecisionsPage.objects.get(locale__language_code="fr")  # the demo's
    page_en = DecisionsPage.objects.get(locale__language_code="en")
    last_year = datetime.date.today().year - 1
    first = decide(title="Position sur les locaux municipaux",
                   on=datetime.date(last_year, 3, 14))
    second = decide(title="Position corrigée sur les locaux", supersedes=first,
                    text="Le collectif demande des salles accessibles à toutes les associations.",
                    on=datetime.date(last_year, 6, 20))
    decide(title="Budget interne", is_public=False, on=datetime.date(last_year, 7, 1))
    return {"fr": page, "en": page_en, "decision": second}


def test_the_decisions_page_passes_axe(page, site_url, decisions, assert_accessible):
    response = page.goto(site_url + decisions["fr"].url)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Nos décisions et positions")
    expect(page.get_by_text("Budget interne")).to_have_count(0)
    assert_accessible(page)


def test_a_decision_page_passes_axe(page, site_url, decisions, assert_accessible):
    number = decisions["decision"].number
    page.goto(site_url + decisions["fr"].url)
    page.get_by_role("link", name=f"Décision n° {number}").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Décision n° {number}")
    expect(page.get_by_text("Remplace", exact=True)).to_be_visible()
    assert_accessible(page)


def test_the_english_decisions_page_passes_axe(page, site_url, decisions, assert_accessible):
    response = page.goto(site_url + decisions["en"].url)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Our decisions and positions")
    assert_accessible(page)


def test_an_english_decision_page_passes_axe(page, site_url, decisions, assert_accessible):
    number = decisions["decision"].number
    response = page.goto(site_url + decisions["en"].decision_url(number))

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Decision no. {number}")
    assert_accessible(page)
