"""The directory in Chromium: a visitor searches, opens an association, and every page of the
directory passes axe-core."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from demo import content

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


def test_the_directory_shows_its_results_on_a_map_without_tiles(page, site_url,
                                                                  assert_accessible):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(site_url + DIRECTORY)

    section = page.get_by_role("region", name="Carte des résultats")
    expect(section).to_be_visible()
    expect(section.get_by_role("heading", name="Carte des résultats")).to_be_visible()
    canvas = page.get_by_role("region", name="Carte des associations de la liste")
    expect(canvas.locator(".leaflet-marker-icon").first).to_be_visible()
    expect(canvas.locator(".leaflet-tile")).to_have_count(0)
    assert_accessible(page)
    assert problems == []


def test_the_directory_s_map_shows_its_tiles_and_their_credit_when_set(page, site_url,
                                                                      settings,
                                                                      assert_accessible):
    # Tiles from the site itself, answered by the test: no request leaves the machine.
    settings.DIRECTORY_MAP_TILES = {"url": "/tuiles-de-test/{z}/{x}/{y}.png",
                                    "attribution": "© Tuiles de test"}
    tile = io.BytesIO()
    Image.new("RGB", (256, 256), "#dfe8e1").save(tile, "PNG")
    requested = []

    def answer(route):
        requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tile.getvalue())

    page.route("**/tuiles-de-test/**", answer)
    page.goto(site_url + DIRECTORY)

    canvas = page.get_by_role("region", name="Carte des associations de la liste")
    expect(canvas.locator(".leaflet-tile-loaded").first).to_be_visible()
    expect(canvas.get_by_text("© Tuiles de test")).to_be_visible()
    expect(canvas.locator(".leaflet-marker-icon").first).to_be_visible()
    assert requested
    assert_accessible(page)


def test_a_visitor_opens_an_association_from_the_map_with_the_keyboard(page, site_url):
    page.goto(site_url + DIRECTORY + "?q=jardins+partages")

    marker = page.get_by_role("button", name="Les Jardins partagés de Vaires")
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Les Jardins partagés de Vaires")


def test_without_javascript_the_map_stays_hidden_and_the_list_complete(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(site_url + DIRECTORY)

        expect(page.locator(".directory-map")).to_be_hidden()
        expect(page.locator(".association-list .association-card")).to_have_count(8)
    finally:
        context.close()
