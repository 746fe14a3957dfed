"""The page « Observatoire de l'utilité sociale »: the headline of a year with its hourly value
and its change, the year chosen in the address, the charts beside their tables, the stories
of the associations that agreed, their photos, the English page, and its cost."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Association, Commune
from extranet.impact.models import ImpactReport, ReportActivity, Status
from tests.factories.impact import (
    HourlyValueFactory,
    ImpactReportFactory,
    ReportActivityFactory,
    SocialUtilityPageFactory,
    sector,
)

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05"
       b"\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def page(home_page):
    return SocialUtilityPageFactory(parent=home_page)


def report(year=2025, consent=True, hours=1000, people=100, code="006000", **fields):
    made = ImpactReportFactory(year=year, status=Status.VALIDATED, public_consent=consent,
                               **fields)
    ReportActivityFactory(report=made, sector=sector(code), volunteer_hours=hours,
                          people_reached=people)
    return made


def text(response):
    """The page's text with its tags taken out and its spaces (also non-breaking) as one."""
    plain = re.sub(r"<[^>]+>", " ", response.text)
    return re.sub(r"\s+", " ", plain)


def test_the_page_says_it_has_no_figures_before_the_first_validated_report(client, page):
    ImpactReportFactory(status=Status.SUBMITTED)

    response = client.get(page.url)

    assert response.status_code == 200
    assert "Aucun rapport d’impact n’est encore validé" in response.text


def test_the_headline_gives_hours_their_value_and_its_source(client, page):
    HourlyValueFactory(year=2025, amount="11.88", source="SMIC horaire brut 2025",
                       source_url="https://www.service-public.fr/smic")
    for _ in range(3):
        report(hours=1000, people=50)

    response = client.get(page.url)
    page_text = text(response)

    assert "heures de bénévolat 3 000" in page_text
    assert "la valeur de ces heures 35 640 €" in page_text
    assert "Heures valorisées à 11,88 € de l’heure" in page_text
    link = '<a href="https://www.service-public.fr/smic">SMIC horaire brut 2025</a>'
    assert link in response.text


def test_changing_the_hourly_value_changes_the_euro_figure_on_the_page_at_once(client, page):
    value = HourlyValueFactory(year=2025, amount="10.00")
    for _ in range(3):
        report(hours=100)
    assert "3 000 €" in text(client.get(page.url))

    value.amount = Decimal("20.00")
    value.save()

    assert "6 000 €" in text(client.get(page.url))


def test_the_headline_gives_the_change_from_the_year_before(client, page):
    for _ in range(3):
        report(year=2024, hours=1000)
        report(year=2025, hours=1250)

    assert "+25,0 % sur un an" in text(client.get(page.url))


def test_the_year_in_the_address_chooses_the_year_shown(client, page):
    report(year=2024, association__name="Amicale de 2024")
    report(year=2025, association__name="Amicale de 2025")

    response = client.get(page.url, {"annee": "2024"})

    assert "Amicale de 2024" in response.text
    assert "Amicale de 2025" not in response.text
    assert '<option value="2024" selected>' in response.text


def test_an_unknown_year_in_the_address_shows_the_latest(client, page):
    report(year=2024)
    report(year=2025, association__name="Amicale de 2025")

    response = client.get(page.url, {"annee": "abc"})

    assert response.status_code == 200
    assert "Amicale de 2025" in response.text


def test_the_page_names_only_associations_that_agreed(client, page):
    report(association__name="Les Restos de Chelles", story="Nous avons servi des repas.")
    report(consent=False, association__name="Discrète association", story="Secret.")
    report()

    response = client.get(page.url)

    assert "Les Restos de Chelles" in response.text
    assert "Nous avons servi des repas." in response.text
    assert "Discrète association" not in response.text
    assert "Secret." not in response.text


def test_a_small_sector_with_a_non_consenting_report_shows_as_secret(client, page):
    for _ in range(3):
        report(code="006000")
    report(code="019000", consent=False, hours=4321)
    report(code="011000", hours=8765)

    response = client.get(page.url)

    assert "secret statistique" in response.text
    assert "4 321" not in text(response)


def test_each_chart_is_an_accessible_svg_beside_its_table(client, page):
    for year in (2024, 2025):
        for _ in range(3):
            report(year=year)

    html = client.get(page.url).text

    charts = re.findall(r'<svg [^>]*role="img"[^>]*>', html)  # not the header's icons
    assert len(charts) == 5
    assert all('role="img"' in chart and "aria-labelledby" in chart for chart in charts)
    assert html.count('<table class="data-table">') == 2


def test_the_method_body_and_the_open_data_links_are_on_the_page(client, page):
    page.body = [("paragraph", "<p>Nous comptons les heures déclarées.</p>")]
    page.save_revision().publish()
    report()

    html = client.get(page.url).text

    assert "Nous comptons les heures déclarées." in html
    for name in ("donnees/csv/", "donnees/json/", "donnees/schema/"):
        assert page.url + name in html


def test_the_english_page_shows_the_english_sector_labels(client, page, english_home):
    for _ in range(3):
        report(code="006000")
    page_en = page.copy_for_translation(english_home.locale)
    page_en.save_revision().publish()

    response = client.get(page_en.url)

    assert response.status_code == 200
    label = sector("006000")
    assert label.label_en in response.text
    assert label.label not in response.text


def test_the_photo_of_a_consenting_story_is_served_inline_and_never_sniffed(client, page):
    made = report(photo=SimpleUploadedFile("repas.png", PNG), photo_alt="Un repas")

    response = client.get(page.url + f"recits/{made.pk}/photo/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == "inline"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert f"recits/{made.pk}/photo/" in client.get(page.url).text


def test_the_photo_of_a_story_without_consent_is_not_found(client, page):
    made = report(consent=False, photo=SimpleUploadedFile("repas.png", PNG), photo_alt="Repas")

    assert client.get(page.url + f"recits/{made.pk}/photo/").status_code == 404


def test_the_photo_of_a_report_not_validated_is_not_found(client, page):
    made = ImpactReportFactory(status=Status.SUBMITTED, public_consent=True,
                               photo=SimpleUploadedFile("repas.png", PNG), photo_alt="Repas")

    assert client.get(page.url + f"recits/{made.pk}/photo/").status_code == 404


def bulk_reports(count, years=5):
    """`count` validated reports (count / years associations × `years` years), each with two
    activities, written in bulk."""
    commune = Commune.objects.get(code="77108")
    start = Association.objects.count()
    associations = Association.objects.bulk_create(
        Association(name=f"Asso {n}", slug=f"asso-bulk-{n}", rna_id=f"W88{n:07d}",
                    commune=commune, is_member=True)
        for n in range(start, start + count // years)
    )
    reports = ImpactReport.objects.bulk_create(
        ImpactReport(association=association, year=2021 + year, status=Status.VALIDATED,
                     public_consent=bool(n % 2), volunteers=10, staff_permanent=1,
                     staff_fixed_term=1, staff_subsidised=0, staff_part_time=1,
                     public_grants_share=30, calls_for_projects_share=40, story="Récit")
        for n, association in enumerate(associations) for year in range(years)
    )
    ReportActivity.objects.bulk_create(
        ReportActivity(report=made, sector=sector(code), volunteer_hours=100,
                       people_reached=10)
        for made in reports for code in ("006000", "019000")
    )


def queries_of_the_page(client, page):
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    return len(queries)


def test_the_page_runs_the_same_number_of_queries_for_5_or_500_reports(client, page):
    HourlyValueFactory(year=2021)
    queries_of_the_page(client, page)  # what each process looks up once (site, locales)
    bulk_reports(5)
    few = queries_of_the_page(client, page)

    bulk_reports(495)
    many = queries_of_the_page(client, page)

    assert few == many


def test_the_stories_say_why_their_figures_are_withheld_when_one_association_did_not_agree(
        client, page):
    for _ in range(3):
        report(consent=True, hours=1000)
    report(consent=False, hours=4000)

    page_text = text(client.get(page.url))

    assert "les chiffres de chaque association ne sont pas publiés" in page_text
    assert "1 000 heures de bénévolat" not in page_text
