"""An association's page in the directory lists the events it organises."""

import datetime

import pytest
from django.utils import timezone

from directory.association_sections import shown_context
from events.models import EventOrganiser
from tests.events.conftest import queries_of
from tests.factories import AssociationFactory, DirectoryPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


def shown_on_page(response, key, part):
    """The items of `part` in the section `key` of an association's page ([] if not shown)."""
    context = shown_context(response.context["sections"], key) or {}
    return context.get(part, [])


@pytest.fixture
def directory(home_page):
    return DirectoryPageFactory(parent=home_page)


@pytest.fixture
def association(db):
    return AssociationFactory(name="Entraide et partage chellois")


def organised(agenda, association, **kwargs):
    event = EventPageFactory(parent=agenda, **kwargs)
    EventOrganiser.objects.create(page=event, association=association)
    return event


def page_of(client, directory, association):
    return client.get(f"{directory.url}{association.slug}/")


def test_the_association_page_lists_the_events_it_organises(
    client, directory, agenda, association
):
    organised(agenda, association, title="Atelier : bien recruter ses bénévoles")
    EventPageFactory(parent=agenda, title="Un événement d'une autre association")

    response = page_of(client, directory, association)

    content = response.content.decode()
    assert "Ses événements" in content
    assert "Atelier : bien recruter ses bénévoles" in content
    assert "Un événement d&#x27;une autre association" not in content


def test_past_events_are_listed_apart(client, directory, agenda, association):
    last_month = timezone.now() - datetime.timedelta(days=30)
    past = organised(agenda, association, title="Forum des associations",
                     starts_at=last_month, ends_at=last_month + datetime.timedelta(hours=3))
    upcoming = organised(agenda, association)

    response = page_of(client, directory, association)

    assert shown_on_page(response, "events", "upcoming") == [upcoming]
    assert shown_on_page(response, "events", "past") == [past]


def test_a_draft_event_is_not_listed(client, directory, agenda, association):
    organised(agenda, association, live=False)

    response = page_of(client, directory, association)

    assert shown_on_page(response, "events", "upcoming") == []
    assert "Ses événements" not in response.content.decode()


def test_the_page_reads_as_many_queries_with_8_events_as_with_1(
    client, directory, agenda, association
):
    organised(agenda, association)
    url = f"{directory.url}{association.slug}/"
    with_one = queries_of(client, url)
    for _number in range(7):
        organised(agenda, association)

    assert queries_of(client, url) == with_one
    assert len(shown_on_page(client.get(url), "events", "upcoming")) == 8
