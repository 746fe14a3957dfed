"""The dues' pages in Chromium with axe-core (WCAG 2.1 A and AA), on the demo content
(`seed_demo`) with a scale and dues made here: the association's page with its history, a
receipt, the treasurer's list and the payment form."""

import datetime
from decimal import Decimal

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
    """This year's scale; the demo association's dues of last year (paid) and of this year
    (declared, unpaid)."""
    from directory.models import Association
    from extranet.dues import payments, services
    from extranet.dues.models import Dues, Means
    from tests.factories.dues import scale

    year = datetime.date.today().year
    scale(year - 1)
    scale(year)
    association = Association.objects.get(name=ASSOCIATION)
    Dues.objects.filter(association=association).delete()
    past = services.declare(association, year - 1, Decimal("25000"))
    past = payments.record_payment(past, datetime.date(year - 1, 3, 10), Means.TRANSFER,
                                   "VIR 2403")
    current = services.declare(association, year, Decimal("60000"))
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
