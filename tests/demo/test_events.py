"""The demo's events (`seed_demo`): the events page in both languages, four events to come
(one taking registrations, a monthly meeting, a paid one, one organised by associations of
the directory) and two past ones, on the main menu and the home page."""

import pytest
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Recurrence

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, seeded_once):
    """The demo, seeded once for this module (tests/demo/conftest.py)."""


def french_events():
    return EventPage.objects.live().filter(locale__language_code="fr")


def test_the_demo_has_four_events_to_come_and_two_past(demo):
    assert french_events().upcoming().count() == 4
    assert french_events().past().count() == 2


def test_the_demo_event_with_registration_has_thirty_places(demo):
    event = french_events().get(title="Rencontre thématique : l'emploi associatif")

    assert event.registration_enabled
    assert event.capacity == 30
    assert event.starts_at > timezone.now()


def test_the_demo_monthly_meeting_is_on_the_second_tuesday_at_19_h(demo):
    meeting = french_events().get(title="Rencontre mensuelle du réseau")

    start = timezone.localtime(meeting.starts_at)
    assert meeting.recurrence == Recurrence.MONTHLY
    assert not meeting.registration_enabled
    assert (start.weekday(), (start.day - 1) // 7 + 1, start.hour) == (1, 2, 19)
    assert meeting.rrule_value()["BYDAY"] == "2TU"


def test_the_demo_has_a_paid_event_and_one_organised_by_associations(demo):
    assert french_events().filter(is_free=False).exclude(price="").exists()
    assert french_events().filter(organisers__association__name="Accueil des exilés en Brie",
                                  starts_at__gt=timezone.now()).exists()


def test_a_past_demo_event_has_its_report_to_download(client, demo):
    event = french_events().get(slug="lancement-agenda-commun")

    text = client.get(event.url).text

    assert "Après l'événement" in text
    assert "Compte rendu de la soirée de lancement" in text


def test_the_demo_events_page_is_on_the_main_menu_and_in_english(client, demo):
    assert '<a href="/agenda/"' in client.get("/").text
    english = EventIndexPage.objects.get(locale__language_code="en")

    response = client.get(english.url)

    assert response.status_code == 200
    assert "Monthly network meeting" in response.text


def test_the_demo_home_page_shows_the_next_events(client, demo):
    text = client.get("/").text

    assert "Prochains événements" in text
    assert "Rencontre thématique : l&#x27;emploi associatif" in text
