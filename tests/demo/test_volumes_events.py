"""`seed_benchmark --events N` makes N believable event pages through Wagtail's page tree."""

import io

import pytest
from django.core.management import call_command

from events.models import EventIndexPage, EventPage, Occurrence
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


def test_seed_benchmark_adds_events_under_the_events_page_and_says_how_fast(home_page):
    AssociationFactory()
    out = io.StringIO()

    call_command("seed_benchmark", "--events", "40", stdout=out)

    assert EventPage.objects.live().count() == 40
    agenda = EventIndexPage.objects.get()
    assert EventPage.objects.child_of(agenda).count() == 40
    assert Occurrence.objects.count() > 40  # some recur
    assert "Events: 40 pages created in" in out.getvalue()


def test_seed_benchmark_can_add_more_events_later(home_page):
    call_command("seed_benchmark", "--events", "5", stdout=io.StringIO())

    call_command("seed_benchmark", "--events", "5", stdout=io.StringIO())

    assert EventPage.objects.count() == 10


def test_the_events_page_serves_the_benchmark_events(client, home_page):
    call_command("seed_benchmark", "--events", "30", stdout=io.StringIO())
    agenda = EventIndexPage.objects.get()

    assert client.get(agenda.url).status_code == 200
    assert client.get(agenda.url + "archives/").status_code == 200
    assert client.get(agenda.url + "calendrier.ics").status_code == 200
