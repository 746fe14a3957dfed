"""Events as iCalendar (RFC 5545), with the `icalendar` library: one file per event (also
attached to the registration emails: `event_ics`), and feeds of the events to come.

Times are given in Paris time (DTSTART;TZID=Europe/Paris) with the VTIMEZONE that defines
it, so that a recurring meeting (RRULE) keeps its local hour in summer and in winter. The UID
of an event is the same in every language (its translation key), and stays the same when it
is edited: calendar apps update the event instead of adding another one.
"""

import datetime
from urllib.parse import urlsplit

from django.utils import timezone
from icalendar import Calendar, Event, vGeo

from events.models.recurrence import local_zone

PRODUCT = "-//Collectif des associations//Agenda du portail//FR"


def new_calendar(name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", local_zone().key)
    return calendar


def event_component(page, request=None):
    """The VEVENT of `page` (an EventPage). Its UID names the site's host, not the one the
    request came by, so that the web page and the emails give the same."""
    zone = local_zone()
    url = page.get_full_url(request)
    host = (urlsplit(url).hostname if url else None) or "localhost"
    event = Event()
    event.add("uid", f"event-{page.translation_key}@{host}")
    stamp = (page.last_published_at or timezone.now()).astimezone(datetime.UTC)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", timezone.localtime(page.starts_at, zone))
    event.add("dtend", timezone.localtime(page.ends_at, zone))
    rule = page.rrule_value()
    if rule:
        event.add("rrule", rule)
    event.add("summary", page.title)
    description = "\n\n".join(part for part in [page.introduction, url] if part)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    venue = page.venue if page.venue_id else None
    if venue is not None:
        event.add("location", ", ".join(venue.address_lines))
        if venue.has_position:
            event.add("geo", vGeo((float(venue.latitude), float(venue.longitude))))
    elif page.online_url:
        event.add("location", page.online_url)
    if page.theme_id:
        event.add("categories", [page.theme.display_name])
    return event


def to_bytes(calendar, pages):
    """The calendar as bytes, with the VTIMEZONE of Paris time over the years its events
    span (a year on each side), rather than the library's default of 1970-2038."""
    if pages:
        first = min(page.starts_at for page in pages).date()
        last = max(max(page.ends_at.date(), page.recurrence_until or page.ends_at.date())
                   for page in pages)
        calendar.add_missing_timezones(first_date=first - datetime.timedelta(days=366),
                                       last_date=last + datetime.timedelta(days=366))
    # VTIMEZONE before the events that use it: not required, but what most apps expect.
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    return calendar.to_ical()


def event_ics(page, request=None):
    """The .ics file of one event (bytes), for its page and the registration emails."""
    calendar = new_calendar(page.title)
    calendar.add_component(event_component(page, request))
    return to_bytes(calendar, [page])


def feed_ics(events, request, name):
    """The .ics feed of `events` (a queryset of EventPage): one query for the events, their
    theme and their venue."""
    calendar = new_calendar(name)
    pages = list(events.select_related("theme", "venue__commune"))
    for page in pages:
        calendar.add_component(event_component(page, request))
    return to_bytes(calendar, pages)
