"""The emails of the registrations: confirmation (confirmed or waiting), promotion from the
waiting list, reminder of the day before, and the note to an address registered already that
registered again (nothing changed; its registration and the link to cancel). Each is written
in the language the person registered in (`Registration.language`), with the event's date and
time in Paris time, the link to cancel, and, when a place is theirs, the event as an
iCalendar file."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from events.models import RegistrationStatus
from events.registrations import local_times, page_in_language, waiting_position
from portal.emails import absolute_url, one_line

KINDS = ("confirmation", "promoted", "reminder", "already_registered")
ICS_MIMETYPE = "text/calendar; method=PUBLISH"


def registration_email(registration, kind, connection=None):
    """The email `kind` (see KINDS) for `registration`, ready to send."""
    from events.calendars import event_ics

    assert kind in KINDS, kind
    language = registration.language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    event = registration.event
    with translation.override(language):
        page = page_in_language(event, language)
        starts_at, ends_at = local_times(event)
        url = page.get_url() or ""
        confirmed = registration.status == RegistrationStatus.CONFIRMED
        context = {
            "registration": registration,
            "event": page,
            "venue": event.venue,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "same_day": starts_at.date() == ends_at.date(),
            "event_url": absolute_url(url) if url.startswith("/") else url,
            "cancel_url": absolute_url(reverse("event_registration:cancel",
                                           args=[registration.token])),
            "confirmed": confirmed,
            "position": None if confirmed else waiting_position(registration),
            "registered_on": timezone.localdate(registration.created_at),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = one_line(render_to_string(f"events/emails/{kind}_subject.txt", context))
        body = render_to_string(f"events/emails/{kind}.txt", context)
    message = EmailMessage(subject, body, None, [registration.email], connection=connection)
    if confirmed and kind != "reminder":
        message.attach(f"{page.slug}.ics", event_ics(page, None), ICS_MIMETYPE)
    return message
