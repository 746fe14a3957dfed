"""The registrations of an event that ended more than EVENT_REGISTRATION_RETENTION_DAYS ago
are erased by `manage.py purge_personal_data` (the places still count); newer ones are kept;
--dry-run changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Registration
from tests.factories import RegistrableEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 365


def ended(event_index, days):
    starts_at = timezone.now() - datetime.timedelta(days=days, hours=2)
    return RegistrableEventFactory(parent=event_index, starts_at=starts_at,
                                   ends_at=starts_at + datetime.timedelta(hours=2))


def purge(*options):
    out = io.StringIO()
    call_command("purge_personal_data", *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_registrations_of_an_event_ended_before_the_period_are_erased(event_index):
    registration = RegistrationFactory(event=ended(event_index, 400), name="Camille Martin",
                                       email="camille@example.org", places=3)

    purge()

    registration.refresh_from_db()
    assert (registration.name, registration.email) == ("", "")
    assert registration.erased_at is not None and registration.places == 3


def test_registrations_of_a_recent_or_coming_event_are_kept(event_index, event):
    recent = RegistrationFactory(event=ended(event_index, 300), email="recent@example.org")
    coming = RegistrationFactory(event=event, email="coming@example.org")

    purge()

    assert set(Registration.objects.values_list("email", flat=True)) == {
        "recent@example.org", "coming@example.org"}
    recent.refresh_from_db()
    coming.refresh_from_db()
    assert recent.erased_at is None and coming.erased_at is None


def test_the_dry_run_erases_nothing(event_index):
    RegistrationFactory(event=ended(event_index, 400), email="camille@example.org")

    output = purge("--dry-run")

    assert Registration.objects.get().email == "camille@example.org"
    assert "(EVENT_REGISTRATION_RETENTION_DAYS = 365 jours) : 1 seraient anonymisées" in output
