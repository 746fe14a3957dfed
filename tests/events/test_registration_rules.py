"""The rules of registration (events.registrations): places, waiting list, promotion in
order, closing, duplicates, and one capacity for both languages."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import registrations
from events.models import EventPage, Registration, RegistrationStatus
from tests.factories import RegistrableEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

CONFIRMED, WAITING, CANCELLED = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING,
                                 RegistrationStatus.CANCELLED)


def data(email="camille@example.org", places=1, **extra):
    return {"name": "Camille Martin", "email": email, "association_name": "Les Jardins",
            "places": places, "needs": "", **extra}


def test_a_registration_within_the_capacity_is_confirmed(event):
    registration = registrations.register(event, data(places=3)).registration

    assert registration.status == CONFIRMED
    assert registration.event == event
    assert registration.places == 3


def test_a_registration_to_a_full_event_goes_to_the_waiting_list(event):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)

    registration = registrations.register(event, data())

    assert registration.status == WAITING


def test_a_registration_larger_than_the_places_left_waits_whole(event):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)

    registration = registrations.register(event, data(places=3))

    assert registration.status == WAITING
    assert registration.places == 3


def test_a_newcomer_never_goes_before_the_waiting_list(event):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4, status=WAITING)  # 2 places left: it waits

    registration = registrations.register(event, data(places=1))

    assert registration.status == WAITING


def test_an_event_without_capacity_confirms_everybody(event_index):
    event = RegistrableEventFactory(parent=event_index, capacity=None)
    for number in range(30):
        RegistrationFactory(event=event, places=4, email=f"p{number}@example.org")

    assert registrations.register(event, data()).status == CONFIRMED


def test_the_venue_capacity_limits_an_event_without_its_own(event_index):
    from events.models import Venue

    venue = Venue.objects.create(name="Salle des fêtes", capacity=2)
    event = RegistrableEventFactory(parent=event_index, capacity=None, venue=venue)
    RegistrationFactory(event=event, places=2)

    assert registrations.register(event, data()).status == WAITING


def test_cancelling_promotes_the_next_person_and_emails_them(
    event, django_capture_on_commit_callbacks
):
    first = RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    waiting = RegistrationFactory(event=event, places=3, status=WAITING,
                                  email="attente@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        assert registrations.cancel(first) is True

    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.status == CANCELLED
    assert first.cancelled_at is not None
    assert waiting.status == CONFIRMED
    assert waiting.promoted_at is not None
    assert [message.to for message in mail.outbox] == [["attente@example.org"]]
    assert "Une place s'est libérée" in mail.outbox[0].subject


def test_promotion_follows_the_order_of_registration(event):
    confirmed = RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    now = timezone.now()
    later = RegistrationFactory(event=event, status=WAITING, places=2,
                                created_at=now - datetime.timedelta(minutes=1))
    earlier = RegistrationFactory(event=event, status=WAITING, places=2,
                                  created_at=now - datetime.timedelta(minutes=5))
    last = RegistrationFactory(event=event, status=WAITING, places=2, created_at=now)

    registrations.cancel(confirmed)

    statuses = {r.pk: r.status for r in Registration.objects.filter(status__in=[CONFIRMED,
                                                                                 WAITING])}
    assert statuses[earlier.pk] == CONFIRMED
    assert statuses[later.pk] == CONFIRMED
    assert statuses[last.pk] == WAITING


def test_promotion_stops_at_the_first_registration_that_does_not_fit(event):
    confirmed = RegistrationFactory(event=event, places=2)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    large = RegistrationFactory(event=event, status=WAITING, places=4)
    small = RegistrationFactory(event=event, status=WAITING, places=1)

    registrations.cancel(confirmed)  # 2 places free: the 4 do not fit, the 1 behind waits

    large.refresh_from_db()
    small.refresh_from_db()
    assert (large.status, small.status) == (WAITING, WAITING)


def test_a_registration_after_the_deadline_is_refused(event):
    event.registration_deadline = timezone.now() - datetime.timedelta(hours=1)
    event.save()

    with pytest.raises(ValidationError) as refused:
        registrations.register(event, data())

    assert refused.value.code == "closed"
    assert not Registration.objects.exists()


def test_a_registration_once_the_event_started_is_refused(event):
    event.starts_at = timezone.now() - datetime.timedelta(minutes=5)
    event.save()

    with pytest.raises(ValidationError, match="closes"):
        registrations.register(event, data())


def test_a_second_registration_with_the_same_email_changes_nothing_whatever_the_case(event):
    first = registrations.register(event, data(email="camille@example.org", places=1))

    again = registrations.register(event, data(email="Camille@Example.ORG", places=3))

    assert again.registration is None
    assert Registration.objects.get() == first.registration
    assert Registration.objects.get().places == 1
    assert registrations.availability(event).taken == 1


def test_a_second_registration_gets_the_answer_a_new_one_would_get(event):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    registrations.register(event, data(email="camille@example.org", places=1))  # 1 left

    again = registrations.register(event, data(email="camille@example.org", places=2))
    new = registrations.register(event, data(email="dominique@example.org", places=2))

    assert (again.status, again.position, again.places) \
        == (new.status, new.position, new.places) == (WAITING, 1, 2)


def test_a_cancelled_person_may_register_again(event):
    registrations.cancel(registrations.register(event, data()).registration)

    assert registrations.register(event, data()).status == CONFIRMED


def test_more_places_than_allowed_are_refused(event):
    with pytest.raises(ValidationError) as refused:
        registrations.register(event, data(places=5))

    assert refused.value.message_dict["places"] == ["Au plus 4 places par inscription."]


def test_a_recurring_event_has_no_registration(event):
    # The page's clean() refuses both together; the rule holds even if they slipped through.
    EventPage.objects.filter(pk=event.pk).update(
        recurrence="weekly",
        recurrence_until=(event.starts_at + datetime.timedelta(days=60)).date(),
    )

    with pytest.raises(ValidationError) as refused:
        registrations.register(event, data())

    assert refused.value.code == "not_available"


def test_an_unpublished_event_takes_no_registration(event):
    event.unpublish()

    with pytest.raises(ValidationError):
        registrations.register(event, data())


def test_a_registration_on_the_english_page_counts_against_the_french_capacity(
    event, english_event
):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)

    english = registrations.register(english_event, data(places=2),
                                     language="en").registration
    french = registrations.register(event, data(email="dominique@example.org"))

    assert english.event_id == event.pk
    assert english.language == "en"
    assert english.status == CONFIRMED
    assert french.status == WAITING


def test_publishing_a_larger_capacity_promotes_the_waiting_list(event):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    waiting = RegistrationFactory(event=event, status=WAITING, places=3)

    event.capacity = 15
    event.save_revision().publish()

    waiting.refresh_from_db()
    assert waiting.status == CONFIRMED


def test_cancelling_twice_changes_nothing(event):
    registration = RegistrationFactory(event=event)
    registrations.cancel(registration)
    cancelled_at = Registration.objects.get().cancelled_at

    assert registrations.cancel(registration) is False
    assert Registration.objects.get().cancelled_at == cancelled_at
