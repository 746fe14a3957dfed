"""The charter in Chromium, with the demo content: its page, the comparison of its two
versions and its print layout pass axe-core; the print button prints."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHARTER = "/charte/"


def test_the_charter_page_passes_axe(page, site_url, assert_accessible):
    response = page.goto(site_url + CHARTER)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Charte du collectif")
    assert_accessible(page)


def test_the_comparison_of_two_versions_passes_axe(page, site_url, assert_accessible):
    page.goto(site_url + CHARTER)
    page.get_by_label("Version de départ").select_option("1")
    page.get_by_label("Version d'arrivée").select_option("2")
    page.get_by_role("button", name="Voir ce qui a changé").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ce qui a changé de la version 1 à la version 2")
    expect(page.locator("ins.diff__ins").first).to_be_visible()
    assert_accessible(page)


def test_the_print_layout_passes_axe_and_shows_its_print_button(page, site_url,
                                                                assert_accessible):
    page.goto(site_url + CHARTER + "imprimer/")

    expect(page.get_by_role("button", name="Imprimer ou enregistrer en PDF")).to_be_visible()
    assert_accessible(page)


def test_the_english_charter_page_passes_axe(page, site_url, assert_accessible):
    response = page.goto(site_url + "/en/charter/")

    assert response.status == 200
    assert_accessible(page)
