"""TEMPORARY stand-in (events-registration branch): the real module, written with the event
pages, replaces this one at the merge with the same `event_ics(page, request)` signature.
Kept minimal: one VEVENT, enough for the registration emails' attachment."""

from django.utils import timezone
from icalendar import Calendar, Event


def event_ics(page, request=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Collectif des associations//Evenements//FR")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"event-{page.translation_key}@collectif")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", page.starts_at)
    event.add("dtend", page.ends_at)
    event.add("summary", page.title)
    calendar.add_component(event)
    return calendar.to_ical()
