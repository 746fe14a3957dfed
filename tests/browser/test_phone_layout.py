"""The site on a phone (375 × 812, the demo of `seed_demo`): on every page of the sitemap (both
languages) and of the extranet (as a member and as a coordinator), the page's title sits in
the first half of the screen and nothing is wider than the screen; the menus are closed by CSS
before any script runs, and open without scripts; a campaign shows the way to sign in its
first screen, on a phone and on a desktop."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests import site_crawl
from tests.browser.test_extranet import sign_in
from tests.browser.test_governance_pages import sign_in_as_coordinator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
CAMPAIGN = "/campagnes/conventions-pluriannuelles/"

# Where the page's title is (its top, from the top of the page) and how wide the page is.
MEASURE = """() => {
    const title = document.querySelector("main h1") || document.querySelector("h1");
    return {
        title: title ? title.getBoundingClientRect().top + window.scrollY : null,
        width: document.documentElement.scrollWidth,
    };
}"""


def menu_button(page):
    return page.get_by_role("banner").get_by_role("button", name="Menu", exact=True)


def layout_problems(page, url):
    """What breaks the phone rules on the page at `url` (an empty list when nothing does)."""
    response = page.goto(url)
    assert response.status == 200, url
    measure = page.evaluate(MEASURE)
    problems = []
    if measure["title"] is None:
        problems.append(f"{url}: no title (h1)")
    elif measure["title"] > PHONE["height"] / 2:
        problems.append(f"{url}: the title starts at {measure['title']:.0f} px")
    if measure["width"] > PHONE["width"]:
        problems.append(f"{url}: the page is {measure['width']} px wide")
    return problems


def extranet_paths(page):
    """The addresses of the members' space's menu, as the signed-in person has it."""
    menu = page.get_by_role("navigation", name="Espace membres")
    hrefs = menu.locator("a").evaluate_all("links => links.map(link => link.pathname)")
    return sorted(set(hrefs))


def test_every_public_page_puts_its_title_in_the_first_half_of_a_phone_screen_without_overflow(
        page, site_url):
    page.set_viewport_size(PHONE)
    paths = site_crawl.sitemap_addresses(Client())
    assert "/" in paths and "/en/" in paths and "/annuaire/" in paths
    paths += ["/search/?q=association", "/en/search/?q=association"]

    problems = [problem for path in paths for problem in layout_problems(page, site_url + path)]

    assert not problems, "\n".join(problems)


def test_every_extranet_page_puts_its_title_in_the_first_half_of_a_phone_screen_without_overflow(
        page, site_url):
    page.set_viewport_size(PHONE)
    problems = layout_problems(page, site_url + "/extranet/compte/login/")
    sign_in(page, site_url)
    paths = extranet_paths(page)
    assert "/extranet/entraide/" in paths

    problems += [problem for path in paths for problem in layout_problems(page, site_url + path)]

    assert not problems, "\n".join(problems)


def test_every_coordination_page_puts_its_title_in_the_first_half_of_a_phone_screen(
        page, site_url):
    page.set_viewport_size(PHONE)
    sign_in_as_coordinator(page, site_url)
    paths = [path for path in extranet_paths(page) if path.startswith("/extranet/")]
    assert "/extranet/cotisations/suivi/" in paths

    problems = [problem for path in paths for problem in layout_problems(page, site_url + path)]

    assert not problems, "\n".join(problems)


def test_the_phone_menu_is_closed_by_css_before_any_script_runs(page, site_url):
    page.route("**/js/portal*.js", lambda route: route.abort())
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/le-collectif/")

    expect(menu_button(page)).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_hidden()


def test_the_phone_menu_opens_and_closes_with_its_button_and_escape(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/le-collectif/")
    toggle = menu_button(page)

    toggle.click()
    expect(page.get_by_role("link", name="Espace membres")).to_be_visible()
    expect(page.get_by_role("search").get_by_role("searchbox")).to_be_visible()
    page.keyboard.press("Escape")

    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_hidden()


def test_without_scripts_the_phone_menu_is_open_and_its_useless_button_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="fr-FR")
    page = context.new_page()
    page.goto(site_url + "/le-collectif/")

    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()
    expect(menu_button(page)).to_be_hidden()
    context.close()


def test_the_menu_causes_no_layout_shift_while_the_page_loads(page, site_url):
    page.add_init_script("""
        window.__shift = 0;
        new PerformanceObserver(list => list.getEntries().forEach(entry => {
            if (!entry.hadRecentInput) { window.__shift += entry.value; }
        })).observe({type: "layout-shift", buffered: true});
    """)
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/", wait_until="load")
    page.wait_for_timeout(300)

    assert page.evaluate("window.__shift") < 0.05


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_campaign_shows_what_it_asks_and_the_way_to_sign_in_its_first_screen(
        page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + CAMPAIGN)
    sign = page.get_by_role("link", name="Signer la pétition")

    expect(page.get_by_role("heading", level=1)).to_be_in_viewport()
    expect(sign).to_be_in_viewport()
    sign.click()
    expect(page.get_by_role("heading", name="Signer la pétition")).to_be_in_viewport()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_home_page_leads_with_an_open_campaign_and_its_sign_button(
        page, site_url, viewport):
    page.set_viewport_size(viewport)
    page.goto(site_url + "/")

    expect(page.get_by_role("link", name=re.compile(r"^Signer : ")).first).to_be_in_viewport()


def test_without_scripts_the_desktop_header_keeps_its_two_rows(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP, locale="fr-FR")
    page = context.new_page()
    page.goto(site_url + "/le-collectif/")

    menu = page.get_by_role("navigation", name="Menu principal").bounding_box()
    members = page.get_by_role("link", name="Espace membres").bounding_box()
    assert members["y"] < menu["y"] < 200  # the tools beside the name, the menu under them
    context.close()


def test_on_a_phone_a_wide_table_scrolls_from_the_keyboard_in_a_region_named_by_its_caption(
        page, site_url, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "/fonds-de-solidarite/")
    region = page.get_by_role("region", name=re.compile(r"^Les aides versées en \d{4}$")).first

    region.focus()
    page.keyboard.press("ArrowRight")

    expect(region).to_be_focused()
    assert region.evaluate("box => box.scrollLeft") > 0
    assert_accessible(page)


def test_on_a_desktop_a_table_that_fits_takes_no_place_in_the_keyboard_s_order(page, site_url):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "/fonds-de-solidarite/")

    boxes = page.locator(".table-scroll")
    expect(boxes.first).to_be_visible()
    focusable = boxes.evaluate_all("all => all.filter(box => box.hasAttribute('tabindex'))")
    assert focusable == []
