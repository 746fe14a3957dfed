"""The representative's name and address are exported and erased on request; the request,
its association and its decision are kept."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from joining.models import JoinStatus, JoinStepKind
from portal import personal_data
from tests.factories.joining import JoinRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def join_request(charter):
    return JoinRequestFactory(charter_version=charter, email="Karim@Example.org",
                              first_name="Karim", last_name="Haddad",
                              status=JoinStatus.DECLINED, decision_message="Pas encore.")


def test_the_export_lists_the_requests_of_an_address_whatever_its_case(join_request):
    exported = personal_data.export("karim@example.org")["joining"]

    assert [(record["first_name"], record["status"]) for record in exported] == [
        ("Karim", "refusée")]


def test_erasing_blanks_the_representative_and_keeps_the_decision(join_request):
    changed = personal_data.erase("karim@example.org")["joining"]

    join_request.refresh_from_db()
    assert changed == 1
    assert (join_request.first_name, join_request.last_name, join_request.email) == ("", "", "")
    assert join_request.status == JoinStatus.DECLINED
    assert join_request.decision_message == "Pas encore."
    assert join_request.steps.filter(kind=JoinStepKind.ERASED).exists()


def test_erasing_twice_changes_nothing_more(join_request):
    personal_data.erase("karim@example.org")

    assert personal_data.erase("karim@example.org")["joining"] == 0


# Retention (JOIN_REQUEST_RETENTION_DAYS, applied by manage.py purge_personal_data)


def decided(charter, days, **kwargs):
    return JoinRequestFactory(charter_version=charter, status=JoinStatus.DECLINED,
                              decision_message="Pas encore.",
                              decided_at=timezone.now() - datetime.timedelta(days=days),
                              **kwargs)


def purge(*options):
    out = io.StringIO()
    call_command("purge_personal_data", *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_requests_decided_before_the_period_are_anonymised(charter, settings):
    settings.JOIN_REQUEST_RETENTION_DAYS = 365
    old = decided(charter, 400, email="old@example.org")
    recent = decided(charter, 300, email="recent@example.org")
    pending = JoinRequestFactory(charter_version=charter, email="pending@example.org",
                                 submitted_at=timezone.now() - datetime.timedelta(days=800))

    purge()

    old.refresh_from_db()
    recent.refresh_from_db()
    pending.refresh_from_db()
    assert (old.email, old.first_name, old.status) == ("", "", JoinStatus.DECLINED)
    assert old.steps.filter(kind=JoinStepKind.ERASED).exists()
    assert recent.email == "recent@example.org"
    assert pending.email == "pending@example.org"


def test_the_dry_run_leaves_old_requests_alone(charter, settings):
    settings.JOIN_REQUEST_RETENTION_DAYS = 365
    old = decided(charter, 400, email="old@example.org")

    output = purge("--dry-run")

    old.refresh_from_db()
    assert old.email == "old@example.org"
    assert "(JOIN_REQUEST_RETENTION_DAYS = 365 jours) : 1 seraient anonymisées" in output
