"""The guide for elected officials, its printable version and the members page in Chromium:
they pass axe-core, the table of contents leads to the chapters, the print button appears
with JavaScript."""

import pytest
from playwright.sync_api import expect

from demo import guide as demo_guide
from directory.models import Association

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

GUIDE = f"/{demo_guide.GUIDE_SLUG}/"
MEMBERS = f"/{demo_guide.MEMBERS_SLUG}/"


def test_the_guide_passes_axe(page, site_url, assert_accessible):
    response = page.goto(site_url + GUIDE)

    assert response.status == 200
    assert_accessible(page)


def test_the_printable_guide_passes_axe(page, site_url, assert_accessible):
    response = page.goto(site_url + GUIDE + "imprimer/")

    assert response.status == 200
    assert_accessible(page)


def test_the_members_page_passes_axe(page, site_url, assert_accessible):
    response = page.goto(site_url + MEMBERS)

    assert response.status == 200
    expect(page.locator(".members-list > li")).to_have_count(
        Association.objects.members().count())
    assert_accessible(page)


def test_the_english_guide_passes_axe(page, site_url, assert_accessible):
    slug = demo_guide.GUIDE["en"]["slug"]
    response = page.goto(f"{site_url}/en/{slug}/")

    assert response.status == 200
    assert_accessible(page)


def test_the_table_of_contents_leads_to_each_chapter(page, site_url):
    page.goto(site_url + GUIDE)
    toc = page.get_by_role("navigation", name="Sommaire")

    toc.get_by_role("link", name="Travailler ensemble").click()

    expect(page).to_have_url(site_url + GUIDE + "#chapitre-4")
    expect(page.get_by_role("heading", name="4. Travailler ensemble")).to_be_in_viewport()


def test_the_print_button_appears_with_javascript_and_without_console_error(page, site_url):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(site_url + GUIDE, wait_until="networkidle")

    expect(page.get_by_role("button", name="Imprimer ou enregistrer en PDF")).to_be_visible()
    assert errors == []


def test_the_guide_shows_the_live_figures_of_the_directory(page, site_url):
    page.goto(site_url + GUIDE)

    figures = page.locator(".block-figures").first
    expect(figures.get_by_text("associations membres du collectif")).to_be_visible()
