"""The events page of the tests' site, events at a given Paris time, and the event of the
registration tests."""

import datetime

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import EventIndexPageFactory, RegistrableEventFactory

PARIS = timezone.get_default_timezone()


@pytest.fixture
def agenda(home_page):
    return EventIndexPageFactory(parent=home_page)


def paris(year, month, day, hour=19, minute=0):
    """An aware datetime, Paris time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def utc(year, month, day, hour=0, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)


def queries_of(client, url):
    """The queries of a visit to `url`, once the caches every visit shares are warm."""
    assert client.get(url).status_code == 200
    reset_queries()  # the log keeps 9,000 queries: counting past its end would read 0
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(event_index):
    """In ten days, 10 places, at most 4 per registration."""
    return RegistrableEventFactory(parent=event_index, title="Rencontre : l'emploi associatif",
                            slug="emploi-associatif")


@pytest.fixture
def english_event(event, event_index, english_home, english):
    index_en = event_index.copy_for_translation(english)
    index_en.title = "Events"
    index_en.save_revision().publish()
    event_en = event.copy_for_translation(english)
    event_en.title = "Meeting: jobs in associations"
    event_en.save_revision().publish()
    event_en.refresh_from_db()
    return event_en
