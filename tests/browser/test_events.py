"""The events in Chromium: the events page and an event's page pass axe-core, and the venue's
map shows without an error (and without tiles: no request leaves the site)."""

import pytest
from playwright.sync_api import expect

from demo import content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AGENDA = "/" + content.EVENTS_PAGE["fr"]["slug"] + "/"
EVENT = AGENDA + content.EVENTS[0]["slug"] + "/"


def watch_errors(page):
    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


@pytest.mark.parametrize("path", [AGENDA, AGENDA + "archives/",
                                  AGENDA + "?theme=emploi-associatif", EVENT])
def test_the_events_pages_pass_axe(page, site_url, assert_accessible, path):
    problems = watch_errors(page)

    response = page.goto(site_url + path)

    assert response.status == 200
    assert_accessible(page)
    assert problems == []


def test_a_visitor_filters_the_events_by_theme_and_opens_one(page, site_url):
    page.goto(site_url + AGENDA)

    page.get_by_label("Thème").select_option(label="Accès aux droits")
    page.get_by_role("button", name="Filtrer").click()

    cards = page.locator(".event-list .event-card")
    expect(cards).to_have_count(1)
    cards.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Forum de l'accès aux droits")


def test_the_event_page_shows_the_venue_on_a_map_without_tiles(page, site_url,
                                                               assert_accessible):
    problems = watch_errors(page)

    page.goto(site_url + EVENT)

    section = page.get_by_role("region", name="Plan")
    expect(section).to_be_visible()
    canvas = page.locator(".event-map__canvas")
    expect(canvas.locator(".leaflet-marker-icon")).to_be_visible()
    expect(canvas.locator(".leaflet-tile")).to_have_count(0)
    assert_accessible(page)
    assert problems == []


def test_without_javascript_the_address_is_there_and_the_map_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(site_url + EVENT)

        expect(page.locator(".event-map")).to_be_hidden()
        expect(page.locator(".event__address")).to_contain_text("6 rue Cornillon")
    finally:
        context.close()
