"""The life of a report, as the model carries it: a draft, submitted when complete, then
validated or sent back with a comment, corrected and submitted again."""

import pytest
from django.core.exceptions import ValidationError

from extranet.impact.models import Status
from tests.factories import UserFactory
from tests.factories.impact import ImpactReportFactory

pytestmark = pytest.mark.django_db


def test_a_complete_draft_is_submitted_by_whoever_submits_it():
    report, person = ImpactReportFactory(with_activity=True), UserFactory()

    report.submit(person)

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert report.submitted_by == person and report.submitted_at is not None
    assert not report.editable


def test_a_draft_without_activity_or_figures_is_not_submitted():
    report = ImpactReportFactory(volunteers=None)

    with pytest.raises(ValidationError) as error:
        report.submit(UserFactory())

    assert "bénévoles" in str(error.value) and "au moins une activité" in str(error.value)
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_a_submitted_report_is_validated_by_a_coordinator():
    report = ImpactReportFactory(status=Status.SUBMITTED, with_activity=True)
    coordinator = UserFactory()

    report.validate(coordinator)

    report.refresh_from_db()
    assert report.status == Status.VALIDATED and report.reviewed_by == coordinator


def test_a_report_sent_back_is_corrected_and_submitted_again():
    report = ImpactReportFactory(status=Status.SUBMITTED, with_activity=True)
    report.send_back(UserFactory(), "Les heures de bénévolat semblent avoir un zéro de trop.")
    assert report.editable

    report.volunteers = 25
    report.save()
    report.submit(UserFactory())

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED and report.volunteers == 25


def test_a_report_is_not_sent_back_without_saying_what_to_correct():
    report = ImpactReportFactory(status=Status.SUBMITTED, with_activity=True)

    with pytest.raises(ValidationError):
        report.send_back(UserFactory(), "   ")

    report.refresh_from_db()
    assert report.status == Status.SUBMITTED


@pytest.mark.parametrize("status", [Status.DRAFT, Status.VALIDATED, Status.RETURNED])
def test_only_a_submitted_report_is_validated(status):
    report = ImpactReportFactory(status=status, review_comment="À revoir", with_activity=True)

    with pytest.raises(ValidationError):
        report.validate(UserFactory())


def test_a_validated_report_is_not_submitted_again():
    report = ImpactReportFactory(status=Status.VALIDATED, with_activity=True)

    with pytest.raises(ValidationError):
        report.submit(UserFactory())


def test_shares_above_100_together_are_refused_with_a_message():
    report = ImpactReportFactory.build(public_grants_share=70, calls_for_projects_share=40)

    with pytest.raises(ValidationError) as error:
        report.validate_constraints()

    assert "100 % des ressources" in str(error.value)
