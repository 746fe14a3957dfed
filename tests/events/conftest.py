"""The events page of the tests' site, and a way to make events at a given Paris time."""

import datetime

import pytest
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import EventIndexPageFactory

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
