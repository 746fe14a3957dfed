"""`manage.py send_event_reminders`: the day before, once, to confirmed registrations."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from events.models import Registration, RegistrationStatus
from tests.factories import RegistrableEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=7)


@pytest.fixture
def tomorrow(event_index):
    starts_at = timezone.now() + datetime.timedelta(hours=20)
    return RegistrableEventFactory(parent=event_index, title="Atelier de demain",
                                   starts_at=starts_at,
                                   ends_at=starts_at + datetime.timedelta(hours=2))


def run():
    out = io.StringIO()
    call_command("send_event_reminders", stdout=out)
    return out.getvalue()


def test_the_reminder_is_sent_for_tomorrows_event(tomorrow):
    registration = RegistrationFactory(event=tomorrow, email="camille@example.org",
                                       created_at=LONG_AGO)

    output = run()

    assert output.strip() == "1 rappel(s) envoyé(s)."
    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert message.subject.startswith("Rappel : Atelier de demain, ")
    assert f"/events/annulation/{registration.token}/" in message.body
    assert Registration.objects.get().reminded_at is not None


def test_no_reminder_for_next_weeks_event(event):
    RegistrationFactory(event=event, created_at=LONG_AGO)  # in ten days

    assert run().strip() == "0 rappel(s) envoyé(s)."
    assert mail.outbox == []


def test_the_reminder_is_never_sent_twice(tomorrow):
    RegistrationFactory(event=tomorrow, created_at=LONG_AGO)

    run()
    run()

    assert len(mail.outbox) == 1


def test_no_reminder_for_a_waiting_or_cancelled_registration(tomorrow):
    RegistrationFactory(event=tomorrow, created_at=LONG_AGO, status=RegistrationStatus.WAITING)
    RegistrationFactory(event=tomorrow, created_at=LONG_AGO, status=RegistrationStatus.CANCELLED)

    run()

    assert mail.outbox == []


def test_no_reminder_for_an_event_already_started(event_index):
    starts_at = timezone.now() - datetime.timedelta(minutes=10)
    started = RegistrableEventFactory(parent=event_index, starts_at=starts_at,
                               ends_at=starts_at + datetime.timedelta(hours=2))
    RegistrationFactory(event=started, created_at=LONG_AGO)

    run()

    assert mail.outbox == []


def test_no_reminder_for_a_registration_confirmed_within_the_last_day(tomorrow):
    RegistrationFactory(event=tomorrow)  # its confirmation, just sent, says it all
    RegistrationFactory(event=tomorrow, created_at=LONG_AGO, promoted_at=timezone.now())

    run()

    assert mail.outbox == []


def test_a_reminder_that_fails_is_tried_again_at_the_next_run(tomorrow, monkeypatch):
    RegistrationFactory(event=tomorrow, created_at=LONG_AGO)

    def broken(*args, **kwargs):
        raise ConnectionRefusedError("serveur de courriel injoignable")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with pytest.raises(CommandError, match="1 rappel"):
        run()
    assert Registration.objects.get().reminded_at is None

    monkeypatch.undo()
    run()
    assert len(mail.outbox) == 1
    assert Registration.objects.get().reminded_at is not None


def test_the_english_reminder_goes_in_english(tomorrow, event_index, english_home, english):
    RegistrationFactory(event=tomorrow, created_at=LONG_AGO, language="en")

    run()

    assert "/en/events/annulation/" in mail.outbox[0].body
