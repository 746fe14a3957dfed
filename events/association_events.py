"""The events an association organises: a section of its page in the directory, registered
by EventsConfig (directory.association_sections)."""

from events.models import EventPage, with_listing_relations

ORGANISED_UPCOMING = 10
ORGANISED_PAST = 5


def organised_by(association, locale, now=None):
    """The live public events in `locale` that `association` organises: (those to come,
    soonest first; the last past ones, most recent first)."""
    events = with_listing_relations(EventPage.objects.live().public().filter(
        locale=locale, organisers__association=association
    ))
    return (list(events.upcoming(now)[:ORGANISED_UPCOMING]),
            list(events.past(now)[:ORGANISED_PAST]))


def section(association, locale):
    """The section's context, or None when the association organises no event there."""
    upcoming, past = organised_by(association, locale)
    return {"upcoming": upcoming, "past": past} if upcoming or past else None
