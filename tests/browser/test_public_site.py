"""The public site as a visitor sees it in Chromium: navigation, languages, search, keyboard,
small screens, accessibility (axe-core) and a clean load (no console error, no failed request).

Every test runs against the demo content (`seed_demo`) served by pytest-django's live server.
What every page shares (header, skip link, menu toggle) is tested on a standard page: the home
page's first view makes its image renditions (AVIF, WebP, JPEG), about two seconds each time.
"""

import re

import pytest
from playwright.sync_api import expect

from demo import content

# The live server reads the database from another thread: tests commit for real, and the
# database is emptied after each one. serialized_rollback restores what the migrations made
# (Wagtail's root page, locales, collections), which seed_demo builds on.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HERO_FR = content.HOME["fr"]["hero_title"]
HERO_EN = content.HOME["en"]["hero_title"]
ABOUT_FR = content.ABOUT["fr"]["title"]
STANDARD_PAGE = "/le-collectif/"


def main_menu(page):
    return page.get_by_role("navigation", name="Menu principal")


def test_home_page_shows_the_hero_heading_and_the_main_menu(page, site_url):
    page.goto(site_url + "/")

    expect(page.get_by_role("heading", level=1)).to_have_text(HERO_FR)
    menu = main_menu(page)
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link")).to_have_text(
        [ABOUT_FR, content.EVENTS_PAGE["fr"]["title"], content.CAMPAIGNS_PAGE["fr"]["title"],
         "Annuaire", "Observatoire", "Guide des élus", "Charte"]
    )


def test_main_menu_link_opens_its_page_and_marks_itself_current(page, site_url):
    page.goto(site_url + "/")

    main_menu(page).get_by_role("link", name=ABOUT_FR).click()

    expect(page).to_have_url(site_url + "/le-collectif/")
    expect(page.get_by_role("heading", level=1)).to_have_text(ABOUT_FR)
    expect(main_menu(page).get_by_role("link", name=ABOUT_FR)).to_have_attribute(
        "aria-current", "page"
    )


def test_language_switcher_goes_to_the_english_home_and_back_to_the_french_one(page, site_url):
    page.goto(site_url + "/")

    # The switcher's own label is translated: find it by its class, its links by name.
    page.locator("nav.language-switcher").get_by_role("link", name="English").click()

    expect(page).to_have_url(site_url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(HERO_EN)

    page.locator("nav.language-switcher").get_by_role("link", name="Français").click()

    expect(page).to_have_url(site_url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(HERO_FR)


def test_header_search_lands_on_the_results_page_listing_a_demo_page(page, site_url):
    page.goto(site_url + STANDARD_PAGE)
    header = page.get_by_role("banner")

    header.get_by_role("searchbox", name="Rechercher sur le site").fill("collectif")
    header.get_by_role("button", name="Rechercher").click()

    expect(page).to_have_url(re.compile(re.escape(site_url) + r"/search/\?q=collectif$"))
    results = page.locator("ol.search-results")
    expect(results.get_by_role("link", name=ABOUT_FR, exact=True)).to_be_visible()


def test_first_tab_focuses_the_skip_link_which_moves_focus_to_the_main_content(page, site_url):
    page.goto(site_url + STANDARD_PAGE)

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Aller au contenu")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_narrow_screen_collapses_the_main_menu_behind_a_toggle_button(page, site_url):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(site_url + STANDARD_PAGE)
    toggle = page.get_by_role("banner").get_by_role("button", name="Menu", exact=True)
    first_link = main_menu(page).get_by_role("link", name=ABOUT_FR)

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()

    toggle.click()

    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/", id="french-home"),
        pytest.param(STANDARD_PAGE, id="standard-page"),
        pytest.param("/search/?q=collectif", id="search-results"),
        pytest.param("/en/", id="english-home"),
    ],
)
def test_page_has_no_accessibility_violation(page, site_url, assert_accessible, path):
    response = page.goto(site_url + path)
    assert response.status == 200
    if path.startswith("/search/"):
        # Audit the page with its results, not an empty list.
        expect(page.locator("ol.search-results > li").first).to_be_visible()

    assert_accessible(page)


def test_standard_page_loads_its_stylesheet_and_script(page, site_url):
    assets = []

    def on_response(response):
        if response.request.resource_type in {"stylesheet", "script"}:
            assets.append((response.request.resource_type, response.status))

    page.on("response", on_response)

    page.goto(site_url + STANDARD_PAGE, wait_until="load")

    assert ("stylesheet", 200) in assets
    assert ("script", 200) in assets
    assert all(status == 200 for _kind, status in assets), assets
    # The stylesheet applies (the skip link waits off screen) and the script ran.
    expect(page.get_by_role("link", name="Aller au contenu")).to_have_css("position", "absolute")
    expect(page.locator("html")).to_have_class(re.compile(r"\bjs\b"))


def test_every_link_of_the_home_page_within_the_site_answers(page, site_url):
    page.goto(site_url + "/")
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    internal = sorted({href.split("#")[0] for href in hrefs if href.startswith(site_url)})

    broken = [(url, status) for url in internal if (status := page.request.get(url).status) != 200]

    assert len(internal) >= 8, internal  # menus, footer, legal links, language switcher
    assert broken == []


def test_home_page_loads_without_console_error_or_failed_request(page, site_url):
    problems = []

    def on_console(message):
        if message.type == "error":
            problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_response(response):
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url}")

    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(f"uncaught error: {error}"))
    page.on(
        "requestfailed",
        lambda request: problems.append(f"request failed: {request.url} ({request.failure})"),
    )

    page.goto(site_url + "/", wait_until="networkidle")
    # Lazy images further down load once scrolled into view.
    page.mouse.wheel(0, 20_000)
    page.wait_for_load_state("networkidle")

    assert problems == []
