"""The email answering a reviewed report: it reaches the people acting today for the
association (active accounts with an address), nobody else, and says the answer: validated,
or sent back with what to correct and where."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.impact import review
from tests.extranet.impact.review_helpers import people, report_of
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def answered(action, report, coordinator, capture, comment=""):
    with capture(execute=True):
        getattr(review, action)(report.pk, coordinator, comment)


def test_the_validation_reaches_the_associations_people_and_nobody_else(
    coordinator, association, neighbour, mailoutbox, django_capture_on_commit_callbacks
):
    persons = people(association)
    people(neighbour)
    report = report_of(association)

    answered("validate", report, coordinator, django_capture_on_commit_callbacks)

    assert sorted(m.to[0] for m in mailoutbox) == sorted(p.email for p in persons)
    assert "validé" in mailoutbox[0].subject
    assert association.name in mailoutbox[0].subject


def test_former_people_and_closed_accounts_are_not_written_to(
    coordinator, association, mailoutbox, django_capture_on_commit_callbacks
):
    (current,) = people(association, 1)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    MembershipFactory(association=association, starts_on=yesterday - datetime.timedelta(
        days=30), ends_on=yesterday)
    MembershipFactory(association=association, person=PersonFactory(is_active=False))
    MembershipFactory(association=association, person=PersonFactory(email=""))

    answered("validate", report_of(association), coordinator,
             django_capture_on_commit_callbacks)

    assert [m.to for m in mailoutbox] == [[current.email]]


def test_the_sent_back_email_says_what_to_correct(
    coordinator, association, mailoutbox, django_capture_on_commit_callbacks
):
    people(association, 1)

    answered("send_back", report_of(association), coordinator,
             django_capture_on_commit_callbacks, "Il manque les heures de l'atelier.")

    (message,) = mailoutbox
    assert "à corriger" in message.subject
    assert "Il manque les heures de l'atelier." in message.body


def test_the_sent_back_email_links_to_the_reports_form(
    coordinator, association, mailoutbox, django_capture_on_commit_callbacks
):
    people(association, 1)
    report = report_of(association)
    form = reverse("extranet:impact_report_edit", args=[association.pk, report.year])

    answered("send_back", report, coordinator, django_capture_on_commit_callbacks,
             "Il manque les heures de l'atelier.")

    assert f"http://testserver{form}" in mailoutbox[0].body


def test_a_refused_answer_sends_nothing(
    coordinator, association, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.exceptions import ValidationError

    people(association, 1)
    report = report_of(association, status="draft")

    with pytest.raises(ValidationError):
        answered("validate", report, coordinator, django_capture_on_commit_callbacks)

    assert mailoutbox == []
