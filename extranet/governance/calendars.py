"""A body meeting as an iCalendar invitation (RFC 5545 and 5546), with the `icalendar`
library, attached to the convocation, update and cancellation emails.

Its UID is the same for the life of the meeting and SEQUENCE grows at each move and at the
cancellation (`BodyMeeting.sequence`): calendar apps update or remove the event they already
hold instead of adding another. Times are given in Paris time with the VTIMEZONE that defines
it (events.calendars does the same for the public events)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Event

from events.calendars import new_calendar
from events.models.recurrence import local_zone
from portal.emails import absolute_url

REQUEST, CANCEL = "REQUEST", "CANCEL"


def meeting_uid(body_meeting):
    host = settings.WAGTAILADMIN_BASE_URL.split("//", 1)[-1].split("/", 1)[0].split(":")[0]
    return f"body-meeting-{body_meeting.pk}@{host or 'localhost'}"


def meeting_event(body_meeting, method):
    meeting, zone = body_meeting.meeting, local_zone()
    url = absolute_url(reverse("extranet:body_meeting_detail", args=[body_meeting.pk]))
    event = Event()
    event.add("uid", meeting_uid(body_meeting))
    event.add("sequence", body_meeting.sequence)
    event.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    event.add("dtstart", timezone.localtime(meeting.starts_at, zone))
    event.add("dtend", timezone.localtime(meeting.ends_at or meeting.starts_at
                                          + datetime.timedelta(hours=2), zone))
    event.add("summary", f"{body_meeting.body.name} : {meeting.title}")
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    event.add("description", "\n\n".join(
        part for part in [meeting.agenda, meeting.online_url, url] if part
    ))
    event.add("url", url)
    location = ", ".join(part for part in [meeting.place, meeting.online_url] if part)
    if location:
        event.add("location", location)
    return event


def meeting_ics(body_meeting, method=REQUEST):
    """The .ics file (bytes): METHOD:REQUEST for a convocation or a move, CANCEL for a
    cancellation."""
    calendar = new_calendar(body_meeting.body.name)
    calendar.pop("method")
    calendar.add("method", method)
    calendar.add_component(meeting_event(body_meeting, method))
    day = body_meeting.meeting.starts_at.date()
    calendar.add_missing_timezones(first_date=day - datetime.timedelta(days=366),
                                   last_date=day + datetime.timedelta(days=366))
    calendar.subcomponents.sort(key=lambda component: component.name != "VTIMEZONE")
    return calendar.to_ical()
