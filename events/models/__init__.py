"""Thematic events: themes, venues, the events index and event pages, their occurrences
(recurring meetings), and the registrations of the public.

Times are stored in UTC and typed and shown in Paris time (TIME_ZONE). A recurring event
(weekly, or monthly on the same weekday: "the second Tuesday") keeps its local hour across
daylight saving changes: its occurrences are computed in Paris time and stored, one row each
(`Occurrence`), whenever the page is saved, so that lists, filters and feeds read them from
the database. A non-recurring event has exactly one occurrence.

Registrations are never deleted: they are cancelled (and a waiting registration promoted in
their place, see events.registrations). Erasing somebody's data (`erase_personal_data`)
empties what identifies them but keeps the row, its state and its places, so the counts stay
right.

The models live in modules named for what they hold: snippets.py (themes, venues), pages.py
(the events index and event pages), inlines.py (speakers, organisers), records.py (occurrences,
registrations), recurrence.py and querysets.py; they are all importable from here.

The pages hand their routes to the app's page_views.py: what it imports reaches these models
through their own modules (`from events.models.records import ...`), as this package is
not yet complete while the pages load.
"""

from events.models.inlines import EventOrganiser, EventSpeaker
from events.models.pages import EventIndexPage, EventPage, events_page, next_events
from events.models.querysets import EventPageQuerySet, with_listing_relations
from events.models.records import Occurrence, Registration, RegistrationQuerySet, RegistrationStatus
from events.models.recurrence import Recurrence, local_zone
from events.models.snippets import Theme, Venue

__all__ = [
    "EventIndexPage",
    "EventOrganiser",
    "EventPage",
    "EventPageQuerySet",
    "EventSpeaker",
    "Occurrence",
    "Recurrence",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationStatus",
    "Theme",
    "Venue",
    "events_page",
    "local_zone",
    "next_events",
    "with_listing_relations",
]
