"""Who proposed a change of an association's record: exported with the person's data, and
forgotten once the request was decided (or withdrawn) more than
ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS ago (`manage.py purge_personal_data`)."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.models import AssociationChangeRequest
from portal import personal_data
from tests.factories import AssociationFactory, PersonFactory

pytestmark = pytest.mark.django_db

EMAIL = "camille.martin@example.org"
Status = AssociationChangeRequest.Status


@pytest.fixture
def person(db):
    return PersonFactory(email=EMAIL)


def change(person, status=Status.APPROVED, days=0):
    when = timezone.now() - datetime.timedelta(days=days)
    return AssociationChangeRequest.objects.create(
        association=AssociationFactory(), submitted_by=person, status=status,
        submitted_at=when, reviewed_at=None if status == Status.PENDING else when,
        phone="01 23 45 67 89",
    )


def purge(*options):
    out = io.StringIO()
    call_command("purge_personal_data", *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_export_holds_the_changes_the_person_proposed(person):
    change(person)

    [record] = personal_data.export(EMAIL)["directory"]

    assert record["status"] == "acceptée et publiée"
    assert record["proposed"]["phone"] == "01 23 45 67 89"


def test_decided_requests_forget_who_proposed_them_after_the_period(person, settings):
    settings.ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS = 365
    old = change(person, Status.REJECTED, days=400)
    withdrawn = change(person, Status.WITHDRAWN, days=400)
    recent = change(person, Status.APPROVED, days=300)
    pending = change(person, Status.PENDING, days=400)

    purge()

    for request in (old, withdrawn, recent, pending):
        request.refresh_from_db()
    assert old.submitted_by is None and withdrawn.submitted_by is None
    assert old.status == Status.REJECTED
    assert recent.submitted_by == person and pending.submitted_by == person


def test_the_dry_run_keeps_who_proposed(person, settings):
    settings.ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS = 365
    old = change(person, Status.REJECTED, days=400)

    purge("--dry-run")

    old.refresh_from_db()
    assert old.submitted_by == person


def test_erasure_keeps_the_request_signed_by_the_closed_account(person):
    request = change(person)

    personal_data.erase(EMAIL)

    request.refresh_from_db()
    assert request.submitted_by_id == person.pk
    assert request.submitted_by.email == "" and not request.submitted_by.is_active
