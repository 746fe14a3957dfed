"""The observatory of social utility in Chromium, on the demo content: its headline, its charts
beside their tables, a story with its photo, and axe-core finds nothing to fix."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from extranet.impact.models import SocialUtilityPage, Status
from home.models import HomePage
from tests.factories.impact import (
    HourlyValueFactory,
    ImpactReportFactory,
    ReportActivityFactory,
    SocialUtilityPageFactory,
    sector,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def observatory(demo_site):
    """The demo's observatory (or a new one), with two years of validated reports."""
    home = HomePage.objects.get(locale__language_code="fr")
    page = (SocialUtilityPage.objects.filter(locale=home.locale).first()
            or SocialUtilityPageFactory(parent=home, slug="observatoire-utilite-sociale"))
    HourlyValueFactory(year=2024, amount="11.65", source="SMIC horaire brut 2024",
                       source_url="https://www.service-public.fr/particuliers/vosdroits/F2300")
    for year in (2024, 2025):
        for number, code in enumerate(("006000", "006000", "019000", "019000", "011000")):
            report = ImpactReportFactory(
                year=year, status=Status.VALIDATED, public_consent=number != 4,
                association__name=f"Amicale {number} de {year}",
                photo=SimpleUploadedFile("repas.png", PNG) if number == 0 else "",
                photo_alt="Des bénévoles servent un repas" if number == 0 else "",
            )
            ReportActivityFactory(report=report, sector=sector(code),
                                  volunteer_hours=800 + 100 * number + year % 10,
                                  people_reached=40 + number)
    return page


def test_the_observatory_shows_its_charts_beside_their_tables(page, site_url, observatory):
    page.goto(site_url + observatory.url)

    expect(page.get_by_role("img", name="Heures de bénévolat par année")).to_be_visible()
    expect(page.get_by_role("table", name="par année", exact=False)).to_be_visible()
    photo = page.get_by_role("img", name="Des bénévoles servent un repas")
    photo.scroll_into_view_if_needed()  # loaded lazily
    expect(photo).to_be_visible()
    assert photo.evaluate("image => image.naturalWidth") == 1


def test_the_observatory_of_social_utility_passes_axe(page, site_url, observatory,
                                                      assert_accessible):
    response = page.goto(site_url + observatory.url)

    assert response.status == 200
    assert_accessible(page)


def test_choosing_a_year_shows_its_figures(page, site_url, observatory):
    page.goto(site_url + observatory.url)

    page.get_by_label("Année", exact=True).select_option("2024")
    page.get_by_role("button", name="Afficher").click()

    expect(page.get_by_role("heading", name="En 2024", exact=True)).to_be_visible()
