"""The page where a coordinator reads a report in full, last year's figures beside, and
answers it when it is submitted."""

import pytest
from django.urls import reverse

from extranet.impact.models import Status
from tests.extranet.impact.review_helpers import report_of
from tests.factories.impact import ReportActivityFactory, sector

pytestmark = pytest.mark.django_db


def page(client, coordinator, report):
    client.force_login(coordinator)
    return client.get(reverse("extranet:impact_report_review", args=[report.pk]))


def test_the_page_shows_the_activities_with_their_sector_and_totals(
    client, coordinator, association
):
    report = report_of(association)
    ReportActivityFactory(report=report, sector=sector("011000"), volunteer_hours=300,
                          people_reached=50, description="Maraudes")

    response = page(client, coordinator, report)

    content = response.content.decode()
    assert "Maraudes" in content
    assert str(sector("011000")) in content
    assert response.context["totals"] == {"volunteer_hours": 1500, "people_reached": 200}


def test_the_page_puts_last_years_figures_beside(client, coordinator, association):
    report = report_of(association, volunteers=25)
    report_of(association, year=report.year - 1, status=Status.VALIDATED, volunteers=18)

    response = page(client, coordinator, report)

    assert ("bénévoles", 25, 18) in [(str(label), now, then)
                                     for label, now, then in response.context["figures"]]


def test_the_page_shows_the_unusual_figures_the_association_confirmed(
    client, coordinator, association
):
    report = report_of(association, volunteers=200, unusual_confirmed=True)
    report_of(association, year=report.year - 1, status=Status.VALIDATED, volunteers=20)

    response = page(client, coordinator, report)

    assert "a confirmé des chiffres" in response.content.decode()
    [text] = response.context["unusual"]
    assert "Le nombre de bénévoles passe de 20 en" in text and "à 200" in text


def test_a_submitted_report_offers_both_answers(client, coordinator, association):
    report = report_of(association)

    content = page(client, coordinator, report).content.decode()

    assert reverse("extranet:impact_report_validate", args=[report.pk]) in content
    assert reverse("extranet:impact_report_send_back", args=[report.pk]) in content


def test_a_draft_offers_no_answer(client, coordinator, association):
    report = report_of(association, status=Status.DRAFT)

    content = page(client, coordinator, report).content.decode()

    assert reverse("extranet:impact_report_validate", args=[report.pk]) not in content
