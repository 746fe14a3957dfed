"""Erasing someone's registrations (events.personal_data, run by `erase_personal_data`): the
person's data go, the places and the state stay, and no email follows."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

from events import personal_data, registrations
from events.models import Registration, RegistrationStatus
from tests.factories import RegistrableEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=7)


def erase(email):
    return personal_data.erase(email, timezone.now())


def test_two_erased_registrations_to_the_same_event_do_not_clash(event):
    RegistrationFactory(event=event, email="camille@example.org")
    RegistrationFactory(event=event, email="dominique@example.org")

    assert erase("camille@example.org") == 1
    assert erase("Dominique@example.org") == 1

    assert Registration.objects.active().filter(event=event, email="").count() == 2


def test_a_registration_keeps_an_address_unless_erased(event):
    with pytest.raises(IntegrityError):
        RegistrationFactory(event=event, email="")


def test_the_places_still_count_after_erasure(event):
    RegistrationFactory(event=event, email="camille@example.org", places=4)

    erase("camille@example.org")

    assert registrations.availability(event).taken == 4


def test_the_cancel_link_of_an_erased_registration_no_longer_opens_it(client, event):
    registration = RegistrationFactory(event=event, email="camille@example.org")

    erase("camille@example.org")

    assert client.get(f"/events/annulation/{registration.token}/").status_code == 404


def test_an_erased_registration_gets_no_reminder(event_index):
    starts_at = timezone.now() + datetime.timedelta(hours=20)
    tomorrow = RegistrableEventFactory(parent=event_index, starts_at=starts_at,
                                       ends_at=starts_at + datetime.timedelta(hours=2))
    RegistrationFactory(event=tomorrow, email="camille@example.org", created_at=LONG_AGO)
    erase("camille@example.org")

    report = registrations.send_reminders()

    assert report.sent == 0
    assert mail.outbox == []


def test_an_erased_waiting_registration_is_promoted_without_email(
    event, django_capture_on_commit_callbacks
):
    first = RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    waiting = RegistrationFactory(event=event, email="camille@example.org",
                                  status=RegistrationStatus.WAITING)
    erase("camille@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        registrations.cancel(first)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox == []


def test_an_erased_address_can_register_to_the_same_event_again(event):
    RegistrationFactory(event=event, email="camille@example.org")
    erase("camille@example.org")

    registration = registrations.register(event, {
        "name": "Camille Martin", "email": "camille@example.org", "association_name": "",
        "places": 1, "needs": "",
    })

    assert registration.status == RegistrationStatus.CONFIRMED
