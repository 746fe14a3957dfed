"""The emails of registration: confirmation (with the cancel link and the event as an
iCalendar file), waiting list, in the language the person registered in."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from events import registrations
from events.emails import ICS_MIMETYPE
from events.models import EventPage, Registration
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def register(event, django_capture_on_commit_callbacks, language="fr", **extra):
    data = {"name": "Camille Martin", "email": "camille@example.org", "places": 2,
            "association_name": "Les Jardins", "needs": "Sans gluten", **extra}
    with django_capture_on_commit_callbacks(execute=True):
        return registrations.register(event, data, language=language).registration


def test_the_confirmation_email_has_the_cancel_link_and_the_ics_attached(
    event, django_capture_on_commit_callbacks
):
    registration = register(event, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert message.subject == "Inscription confirmée : Rencontre : l'emploi associatif"
    assert f"http://testserver/events/annulation/{registration.token}/" in message.body
    assert "2 places sont réservées à votre nom" in message.body
    assert "Sans gluten" in message.body
    assert "http://testserver/agenda/emploi-associatif/" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "emploi-associatif.ics"
    assert mimetype == ICS_MIMETYPE == "text/calendar; method=PUBLISH"
    calendar = Calendar.from_ical(content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Rencontre : l'emploi associatif"
    assert vevent.decoded("DTSTART") == event.starts_at


def test_the_calendar_is_sent_as_text_calendar_publish(event, django_capture_on_commit_callbacks):
    register(event, django_capture_on_commit_callbacks)

    part = next(part for part in mail.outbox[0].message().walk()
            if part.get_content_type() == "text/calendar")
    assert part.get_param("method") == "PUBLISH"


def test_the_email_gives_the_time_in_paris_time(
    event_index, django_capture_on_commit_callbacks, time_machine
):
    from tests.factories import RegistrableEventFactory

    # A month before a summer evening whose day and hour are spelled out below.
    time_machine.move_to(datetime.datetime(2031, 6, 1, 10, 0, tzinfo=datetime.UTC))
    starts_at = datetime.datetime(2031, 7, 1, 16, 0, tzinfo=datetime.UTC)  # 18:00 in Paris
    event = RegistrableEventFactory(parent=event_index, starts_at=starts_at,
                             ends_at=starts_at + datetime.timedelta(hours=2))

    register(event, django_capture_on_commit_callbacks)

    assert "Le mardi 1er juillet 2031, de 18 h à 20 h (heure de Paris)" in mail.outbox[0].body


def test_the_waiting_list_email_gives_the_position_and_no_calendar(
    event, django_capture_on_commit_callbacks
):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)

    register(event, django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.subject == "Liste d'attente : Rencontre : l'emploi associatif"
    assert "liste d'attente (rang 1)" in message.body
    assert message.attachments == []


def test_the_email_of_an_english_registration_is_in_english(
    english_event, django_capture_on_commit_callbacks
):
    registration = register(english_event, django_capture_on_commit_callbacks, language="en")

    [message] = mail.outbox
    assert "Meeting: jobs in associations" in message.subject
    assert f"http://testserver/en/events/annulation/{registration.token}/" in message.body
    assert "http://testserver/en/" in message.body
    [(_filename, content, _mimetype)] = message.attachments
    assert "Meeting: jobs in associations" in Calendar.from_ical(content).walk("VEVENT")[0][
        "SUMMARY"]


def test_an_email_left_after_the_registration_was_cancelled_is_not_sent(
    event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        registration = registrations.register(
            event, {"name": "Camille", "email": "camille@example.org", "places": 1}
        ).registration
    registrations.cancel(registration)

    for callback in callbacks:
        callback()

    assert mail.outbox == []


def test_the_email_says_where_the_event_is(event, django_capture_on_commit_callbacks):
    from events.models import Venue

    venue = Venue.objects.create(name="Maison des associations", street_address="2 rue Gambetta",
                                 postcode="77500")
    EventPage.objects.filter(pk=event.pk).update(venue=venue)

    register(event, django_capture_on_commit_callbacks)

    assert "Maison des associations\n2 rue Gambetta\n77500" in mail.outbox[0].body


def test_no_registration_no_email(event, django_capture_on_commit_callbacks):
    EventPage.objects.filter(pk=event.pk).update(
        registration_deadline=timezone.now() - datetime.timedelta(hours=1)
    )

    with pytest.raises(registrations.ValidationError):
        register(event, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not Registration.objects.exists()
