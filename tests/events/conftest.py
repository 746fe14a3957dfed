"""Fixtures of the events' registration tests."""

import pytest

from tests.factories import EventIndexPageFactory, EventPageFactory


@pytest.fixture
def event_index(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def event(event_index):
    """In ten days, 10 places, at most 4 per registration."""
    return EventPageFactory(parent=event_index, title="Rencontre : l'emploi associatif",
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
