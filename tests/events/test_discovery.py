"""Events where visitors find them: the home page (the next three), the sitemap."""

import datetime

import defusedxml.ElementTree as ET
import pytest

from tests.events.conftest import queries_of
from tests.factories import EventPageFactory, VenueFactory
from tests.factories.events import in_days

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def event_in(agenda, days, title, **fields):
    return EventPageFactory(parent=agenda, title=title, starts_at=in_days(days),
                            ends_at=in_days(days) + datetime.timedelta(hours=2), **fields)


def test_the_home_page_shows_the_next_three_events(client, agenda):
    event_in(agenda, 30, "Dans un mois")
    event_in(agenda, 2, "Après-demain")
    event_in(agenda, 9, "Dans neuf jours", venue=VenueFactory(name="Salle Jean-Moulin"))
    event_in(agenda, 5, "Dans cinq jours")
    event_in(agenda, -1, "Hier")

    response = client.get("/")

    assert [event.title for event in response.context["upcoming_events"]] == [
        "Après-demain", "Dans cinq jours", "Dans neuf jours"]
    assert "Prochains événements" in response.text
    assert "Salle Jean-Moulin, Chelles" in response.text
    assert 'href="/agenda/apres-demain/"' in response.text
    assert '<a href="/agenda/">Tout l\'agenda</a>' in response.text


def test_the_home_page_says_nothing_of_events_when_there_are_none(client, agenda):
    event_in(agenda, -1, "Hier")

    response = client.get("/")

    assert "Prochains événements" not in response.text


def test_the_home_page_runs_as_many_queries_with_many_events(client, agenda):
    for number in range(3):
        event_in(agenda, number + 1, f"Rencontre {number}", venue=VenueFactory())
    few = queries_of(client, "/")
    for number in range(3, 30):
        event_in(agenda, number + 1, f"Rencontre {number}", venue=VenueFactory())

    assert queries_of(client, "/") == few


def sitemap_urls(client):
    urls = []
    for sitemap in ET.fromstring(client.get("/sitemap.xml").content).findall("s:sitemap/s:loc",
                                                                             NS):
        path = sitemap.text.removeprefix("http://testserver")
        urls += [loc.text for loc in
                 ET.fromstring(client.get(path).content).findall("s:url/s:loc", NS)]
    return urls


def test_the_sitemap_lists_the_events_page_and_every_event(client, agenda):
    coming = event_in(agenda, 3, "Rencontre à venir")
    past = event_in(agenda, -30, "Rencontre passée")
    draft = event_in(agenda, 4, "Brouillon", live=False)

    urls = sitemap_urls(client)

    assert agenda.full_url in urls
    assert coming.full_url in urls
    assert past.full_url in urls
    assert draft.full_url not in urls
