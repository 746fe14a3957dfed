"""The coordinators' answer to a submitted impact report: validated (an optional comment),
or sent back with what to correct, after which the association may change it again. A
report in another state is refused with a message, never a server error."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from extranet.impact.models import Status
from tests.extranet.impact.review_helpers import report_of

pytestmark = pytest.mark.django_db


def answer(client, coordinator, report, action, comment=""):
    client.force_login(coordinator)
    prefix = "validate" if action == "validate" else "send_back"
    return client.post(reverse(f"extranet:impact_report_{action}", args=[report.pk]),
                       {f"{prefix}-comment": comment})


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_coordinator_validates_a_submitted_report(client, coordinator, association):
    report = report_of(association)

    response = answer(client, coordinator, report, "validate")

    report.refresh_from_db()
    assert response.url == reverse("extranet:impact_report_review", args=[report.pk])
    assert report.status == Status.VALIDATED
    assert report.reviewed_by == coordinator


def test_the_validation_keeps_the_coordinators_comment(client, coordinator, association):
    report = report_of(association)

    answer(client, coordinator, report, "validate", "Merci, très clair.")

    report.refresh_from_db()
    assert report.review_comment == "Merci, très clair."


def test_sending_back_without_a_comment_is_refused_with_a_message(
    client, coordinator, association
):
    report = report_of(association)

    response = answer(client, coordinator, report, "send_back", "  ")

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert texts(response) == ["Dites à l'association ce qu'il faut corriger."]


def test_a_report_sent_back_is_editable_again_with_what_to_correct(
    client, coordinator, association
):
    report = report_of(association)

    answer(client, coordinator, report, "send_back", "Les heures semblent doublées.")

    report.refresh_from_db()
    assert report.status == Status.RETURNED
    assert report.editable
    assert report.review_comment == "Les heures semblent doublées."


def test_validating_a_draft_is_refused_with_a_message(client, coordinator, association):
    report = report_of(association, status=Status.DRAFT)

    response = answer(client, coordinator, report, "validate")

    report.refresh_from_db()
    assert response.status_code == 302
    assert report.status == Status.DRAFT
    assert texts(response) == ["Seul un rapport soumis peut être validé ou renvoyé."]


def test_a_validated_report_cannot_be_sent_back(client, coordinator, association):
    report = report_of(association, status=Status.VALIDATED)

    response = answer(client, coordinator, report, "send_back", "Finalement, non.")

    report.refresh_from_db()
    assert report.status == Status.VALIDATED
    assert texts(response) == ["Seul un rapport soumis peut être validé ou renvoyé."]


@pytest.mark.parametrize("action", ["validate", "send_back"])
def test_the_answers_refuse_a_get(client, coordinator, association, action):
    report = report_of(association)
    client.force_login(coordinator)

    response = client.get(reverse(f"extranet:impact_report_{action}", args=[report.pk]))

    assert response.status_code == 405


def test_a_representative_cannot_validate_their_own_report(
    client, representative, association
):
    report = report_of(association)

    response = answer(client, representative, report, "validate")

    report.refresh_from_db()
    assert response.status_code == 403
    assert report.status == Status.SUBMITTED
