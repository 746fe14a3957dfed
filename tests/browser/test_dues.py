"""The dues' pages in Chromium with axe-core (WCAG 2.1 A and AA), on the demo content
(`seed_demo`, which has two years of dues): the association's page with its history, a
receipt, the treasurer's list and the payment form."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.test_extranet import ASSOCIATION, sign_in
from tests.browser.test_governance_pages import sign_in_as_coordinator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def dues(site_url):
    """From the demo (which has the scales and dues of last year and this year): the demo
    association's dues of last year (paid, with its receipt) and a dues of this year that is
    declared and not paid yet (another association's)."""
    from directory.models import Association
    from extranet.dues.models import Dues

    year = datetime.date.today().year
    association = Association.objects.get(name=ASSOCIATION)
    past = Dues.objects.paid().get(association=association, year=year - 1)
    current = Dues.objects.unpaid().filter(year=year).order_by("pk").first()
    return past, current


def test_the_associations_dues_page_is_accessible(page, site_url, assert_accessible, dues):
    sign_in(page, site_url)
    page.goto(site_url + "/extranet/cotisations/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Cotisations")
    expect(page.get_by_role("link", name=f"Reçu n° {dues[0].receipt_number}")).to_be_visible()
    assert_accessible(page)


def test_the_receipt_is_accessible(page, site_url, assert_accessible, dues):
    sign_in(page, site_url)
    page.goto(site_url + f"/extranet/cotisations/recus/{dues[0].pk}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Reçu de cotisation n° {dues[0].receipt_number}")
    assert_accessible(page)


def test_the_treasurers_pages_are_accessible(page, site_url, assert_accessible, dues):
    sign_in_as_coordinator(page, site_url)

    for url in ("/extranet/cotisations/suivi/",
                f"/extranet/cotisations/{dues[1].pk}/paiement/"):
        response = page.goto(site_url + url)
        assert response.status == 200, url
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
