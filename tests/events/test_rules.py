"""What an editor cannot save: the rules of EventPage.clean()."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage, Recurrence
from tests.events.conftest import paris
from tests.factories import VenueFactory

pytestmark = pytest.mark.django_db


def event(**fields):
    values = {"title": "Rencontre", "slug": "rencontre", "starts_at": paris(2027, 5, 4, 19),
              "ends_at": paris(2027, 5, 4, 21)}
    values.update(fields)
    return EventPage(**values)


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_an_event_cannot_end_before_it_starts():
    page = event(ends_at=paris(2027, 5, 4, 18))

    assert "ends_at" in errors_of(page)


def test_a_recurring_event_needs_an_until_date():
    page = event(recurrence=Recurrence.MONTHLY)

    assert "recurrence_until" in errors_of(page)


def test_a_recurring_event_cannot_take_registrations():
    page = event(recurrence=Recurrence.WEEKLY, recurrence_until=datetime.date(2027, 7, 1),
                 registration_enabled=True)

    assert "registration_enabled" in errors_of(page)


def test_registrations_must_close_before_the_event_starts():
    page = event(registration_enabled=True, registration_deadline=paris(2027, 5, 4, 20))

    assert "registration_deadline" in errors_of(page)


def test_the_capacity_cannot_exceed_the_venues():
    page = event(venue=VenueFactory(capacity=40), capacity=50)

    assert errors_of(page)["capacity"] == ["Le lieu n'accueille que 40 personnes."]


def test_a_paid_event_needs_its_price():
    page = event(is_free=False)

    assert "price" in errors_of(page)


def test_an_event_cannot_take_the_address_of_the_archive():
    page = event(slug="archives")

    assert "slug" in errors_of(page)


def test_a_well_formed_event_passes():
    event(venue=VenueFactory(capacity=40), capacity=30, registration_enabled=True).clean()
