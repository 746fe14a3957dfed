"""The directory in Chromium: a visitor searches, opens an association, and every page of the
directory passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from portal.demo import content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DIRECTORY = "/" + content.DIRECTORY["slug"] + "/"


def test_a_visitor_searches_the_directory_and_opens_an_association(page, site_url):
    page.goto(site_url + DIRECTORY)

    page.get_by_label("Rechercher", exact=True).fill("jardins partages")
    page.get_by_role("button", name="Rechercher").last.click()

    expect(page).to_have_url(re.compile(re.escape(f"{site_url}{DIRECTORY}?q=jardins+partages")))
    results = page.locator(".association-list")
    expect(results.get_by_role("link")).to_have_text(["Les Jardins partagés de Vaires"])
    results.get_by_role("link", name="Les Jardins partagés de Vaires").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Les Jardins partagés de Vaires")
    expect(page.get_by_text("Un jardin cultivé ensemble")).to_be_visible()


def test_a_visitor_filters_by_sector(page, site_url):
    page.goto(site_url + DIRECTORY)

    page.get_by_label("Secteur").select_option(label="Interventions sociales")
    page.get_by_role("button", name="Rechercher").last.click()

    expect(page.locator(".association-list").get_by_role("link")).to_have_count(3)


@pytest.mark.parametrize("path", [DIRECTORY, DIRECTORY + "?q=chelles&status=all",
                                  DIRECTORY + "epc/"])
def test_the_directory_pages_pass_axe(page, site_url, assert_accessible, path):
    response = page.goto(site_url + path)

    assert response.status == 200
    assert_accessible(page)
