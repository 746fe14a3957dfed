"""The observatory in Chromium: its charts are drawn, its tables hold their figures, its links
lead to the directory, and the page passes axe-core."""

import pytest
from playwright.sync_api import expect

from demo import content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OBSERVATORY = "/" + content.OBSERVATORY["slug"] + "/"


def test_the_observatory_shows_each_chart_beside_its_table(page, site_url):
    page.goto(site_url + OBSERVATORY)

    expect(page.get_by_role("heading", level=1)).to_have_text(content.OBSERVATORY["title"])
    expect(page.get_by_role("img", name="Associations en activité par secteur")).to_be_visible()
    table = page.get_by_role("table", name="Associations en activité par secteur", exact=False)
    expect(table.get_by_role("row", name="Interventions sociales 3")).to_be_visible()


def test_a_sector_of_the_observatory_opens_the_directory_filtered_on_it(page, site_url):
    page.goto(site_url + OBSERVATORY)

    page.get_by_role("link", name="Interventions sociales").click()

    expect(page.locator(".association-list").get_by_role("link")).to_have_count(3)


def test_the_observatory_passes_axe(page, site_url, assert_accessible):
    response = page.goto(site_url + OBSERVATORY)

    assert response.status == 200
    assert_accessible(page)


def test_the_observatory_loads_without_console_error_so_nothing_breaks_the_csp(page, site_url):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(site_url + OBSERVATORY, wait_until="networkidle")

    assert errors == []
