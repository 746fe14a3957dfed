"""Events as iCalendar (RFC 5545): one file per event, the feed of the events to come, and
one feed per theme, each linked from the pages with <link rel="alternate">."""

import datetime
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.calendars import event_ics
from events.models import Recurrence
from tests.events.conftest import paris, queries_of, utc
from tests.factories import EventPageFactory, ThemeFactory, VenueFactory
from tests.factories.events import in_days

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_of(calendar):
    return calendar.walk("VEVENT")


def test_an_event_ics_is_a_valid_calendar_with_its_event(client, agenda):
    event = EventPageFactory(parent=agenda, title="Rencontre sur l'emploi",
                             introduction="Échanger sur l'emploi associatif.",
                             venue=VenueFactory(name="Maison des associations"))

    response = client.get(event.url + "calendrier.ics")

    calendar = parse(response)
    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar["CALSCALE"] == "GREGORIAN"
    assert calendar["X-WR-CALNAME"] == "Rencontre sur l'emploi"
    [vevent] = events_of(calendar)
    assert str(vevent["SUMMARY"]) == "Rencontre sur l'emploi"
    assert str(vevent["UID"]) == f"event-{event.translation_key}@localhost"
    assert vevent["DTSTAMP"].dt.utcoffset() == datetime.timedelta(0)
    assert re.search(rb"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", calendar.to_ical())
    assert "Échanger sur l'emploi associatif." in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]) == "Maison des associations, 12 rue de la Gare, 77500 Chelles"
    assert str(vevent["URL"]) == event.full_url
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (48.8794, 2.5903)


def test_a_winter_event_starts_at_utc_plus_one_in_paris_time(client, agenda):
    event = EventPageFactory(parent=agenda, starts_at=paris(2027, 1, 14, 19),
                             ends_at=paris(2027, 1, 14, 21))

    calendar = parse(client.get(event.url + "calendrier.ics"))

    [vevent] = events_of(calendar)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert b"DTSTART;TZID=Europe/Paris:20270114T190000" in calendar.to_ical()
    assert vevent["DTSTART"].dt == utc(2027, 1, 14, 18)
    assert vevent["DTEND"].dt == utc(2027, 1, 14, 20)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_a_summer_event_starts_at_utc_plus_two_in_paris_time(client, agenda):
    event = EventPageFactory(parent=agenda, starts_at=paris(2027, 7, 8, 19),
                             ends_at=paris(2027, 7, 8, 21))

    calendar = parse(client.get(event.url + "calendrier.ics"))

    [vevent] = events_of(calendar)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTSTART"].dt == utc(2027, 7, 8, 17)


def test_the_monthly_meeting_has_its_rule(client, agenda):
    meeting = EventPageFactory(
        parent=agenda, starts_at=paris(2027, 1, 12, 19), ends_at=paris(2027, 1, 12, 21),
        recurrence=Recurrence.MONTHLY, recurrence_until=datetime.date(2027, 12, 31),
    )

    calendar = parse(client.get(meeting.url + "calendrier.ics"))

    [vevent] = events_of(calendar)
    assert b"RRULE:FREQ=MONTHLY;UNTIL=20271231T225959Z;BYDAY=2TU" in vevent.to_ical()


def test_the_ics_of_an_event_is_the_same_for_the_emails(rf, agenda):
    event = EventPageFactory(parent=agenda)

    calendar = Calendar.from_ical(event_ics(event))

    assert str(events_of(calendar)[0]["UID"]) == f"event-{event.translation_key}@localhost"


def test_the_feed_holds_the_events_to_come_only(client, agenda):
    EventPageFactory(parent=agenda, title="À venir")
    EventPageFactory(parent=agenda, title="Passé", starts_at=in_days(-5),
                     ends_at=in_days(-5) + datetime.timedelta(hours=2))
    EventPageFactory(parent=agenda, title="Brouillon", live=False)

    response = client.get(agenda.url + "calendrier.ics")

    calendar = parse(response)
    assert [str(vevent["SUMMARY"]) for vevent in events_of(calendar)] == ["À venir"]
    assert response["Content-Disposition"] == 'inline; filename="agenda.ics"'


def test_a_theme_feed_holds_that_theme_only(client, agenda):
    employment = ThemeFactory(name="Emploi associatif", slug="emploi")
    EventPageFactory(parent=agenda, title="Sur l'emploi", theme=employment)
    EventPageFactory(parent=agenda, title="Sur autre chose", theme=ThemeFactory())

    calendar = parse(client.get(agenda.url + "theme/emploi/calendrier.ics"))

    assert [str(vevent["SUMMARY"]) for vevent in events_of(calendar)] == ["Sur l'emploi"]
    assert calendar["X-WR-CALNAME"] == "Agenda · Emploi associatif"


def test_an_unknown_theme_has_no_feed(client, agenda):
    assert client.get(agenda.url + "theme/inconnu/calendrier.ics").status_code == 404


def test_the_feed_runs_as_many_queries_with_50_events_as_with_5(client, agenda):
    venue = VenueFactory()
    theme = ThemeFactory()
    for number in range(5):
        EventPageFactory(parent=agenda, venue=venue, theme=theme, title=f"Rencontre {number}")
    few = queries_of(client, agenda.url + "calendrier.ics")
    for number in range(5, 50):
        EventPageFactory(parent=agenda, venue=VenueFactory(), theme=ThemeFactory(),
                         title=f"Rencontre {number}")

    assert queries_of(client, agenda.url + "calendrier.ics") == few


def test_the_events_page_links_its_feed(client, agenda):
    text = client.get(agenda.url).text

    assert '<link rel="alternate" type="text/calendar" href="/agenda/calendrier.ics"' in text


def test_the_events_page_filtered_by_theme_links_the_theme_feed(client, agenda):
    ThemeFactory(name="Emploi associatif", slug="emploi")

    text = client.get(agenda.url, {"theme": "emploi"}).text

    assert ('<link rel="alternate" type="text/calendar" '
            'href="/agenda/theme/emploi/calendrier.ics"') in text


def test_a_calendar_of_a_page_that_does_not_exist_is_not_found(client, agenda):
    assert client.get("/nulle-part/calendrier.ics").status_code == 404
    assert client.get(agenda.url + "nulle-part/calendrier.ics").status_code == 404


def test_the_feeds_times_are_not_in_utc_but_in_paris_time(client, agenda):
    EventPageFactory(parent=agenda)

    body = client.get(agenda.url + "calendrier.ics").content

    start = timezone.localtime(in_days(10))
    assert f"DTSTART;TZID=Europe/Paris:{start:%Y%m%d}T190000".encode() in body
