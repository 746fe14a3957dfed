"""The events page: the events to come first, filters with shareable URLs, pages of twelve,
and the archive of past events."""

import datetime

import pytest
from django.utils import timezone

from directory.models import Commune
from events.models import EventOrganiser, Recurrence
from tests.events.conftest import queries_of
from tests.factories import (
    AssociationFactory,
    EventPageFactory,
    ThemeFactory,
    VenueFactory,
)
from tests.factories.events import in_days

pytestmark = pytest.mark.django_db


def titles(response):
    return [event.title for event in response.context["results"]]


def event_in(agenda, days, title, **fields):
    start = in_days(days)
    return EventPageFactory(parent=agenda, title=title, starts_at=start,
                            ends_at=start + datetime.timedelta(hours=2), **fields)


def test_the_events_to_come_are_listed_soonest_first(client, agenda):
    event_in(agenda, 20, "Dans vingt jours")
    event_in(agenda, 3, "Dans trois jours")
    event_in(agenda, -3, "Il y a trois jours")

    response = client.get(agenda.url)

    assert response.status_code == 200
    assert titles(response) == ["Dans trois jours", "Dans vingt jours"]


def test_a_recurring_meeting_is_listed_at_its_next_date(client, agenda):
    start = in_days(-30)
    EventPageFactory(parent=agenda, title="Réunion hebdomadaire", starts_at=start,
                     ends_at=start + datetime.timedelta(hours=2), recurrence=Recurrence.WEEKLY,
                     recurrence_until=timezone.localdate() + datetime.timedelta(days=60))
    event_in(agenda, 8, "Dans huit jours")

    response = client.get(agenda.url)

    assert titles(response) == ["Réunion hebdomadaire", "Dans huit jours"]
    meeting = response.context["results"][0]
    assert timezone.now() < meeting.next_end <= timezone.now() + datetime.timedelta(days=7)


def test_drafts_and_events_of_another_language_are_not_listed(client, agenda):
    event_in(agenda, 5, "Brouillon", live=False)
    event_in(agenda, 6, "Publié")

    assert titles(client.get(agenda.url)) == ["Publié"]


def test_the_theme_filter_keeps_the_events_of_that_theme(client, agenda):
    employment = ThemeFactory(name="Emploi associatif", slug="emploi")
    event_in(agenda, 5, "Sur l'emploi", theme=employment)
    event_in(agenda, 6, "Sur autre chose", theme=ThemeFactory())

    assert titles(client.get(agenda.url, {"theme": "emploi"})) == ["Sur l'emploi"]


def test_the_commune_filter_keeps_the_events_held_there(client, agenda):
    meaux = VenueFactory(commune=Commune.objects.get(code="77284"))
    event_in(agenda, 5, "À Meaux", venue=meaux)
    event_in(agenda, 6, "À Chelles", venue=VenueFactory())
    event_in(agenda, 7, "En ligne", online_url="https://visio.example.org/rencontre")

    assert titles(client.get(agenda.url, {"commune": "77284"})) == ["À Meaux"]


def test_the_month_filter_keeps_the_events_with_a_date_in_that_month(client, agenda):
    soon = event_in(agenda, 2, "Bientôt")
    later = event_in(agenda, 75, "Plus tard")
    month = timezone.localtime(later.starts_at).strftime("%Y-%m")
    assert timezone.localtime(soon.starts_at).strftime("%Y-%m") != month

    response = client.get(agenda.url, {"mois": month})

    assert titles(response) == ["Plus tard"]
    assert f'<option value="{month}" selected>' in response.text


def test_filters_combine_and_are_kept_in_the_pagination_links(client, agenda):
    theme = ThemeFactory(slug="acces-aux-droits")
    venue = VenueFactory()
    for day in range(14):
        event_in(agenda, day + 1, f"Permanence {day}", theme=theme, venue=venue)

    response = client.get(agenda.url, {"theme": "acces-aux-droits", "commune": "77108"})

    assert len(titles(response)) == 12
    assert "?theme=acces-aux-droits&amp;commune=77108&amp;page=2" in response.text


def test_bad_filter_values_are_ignored_not_errors(client, agenda):
    event_in(agenda, 5, "Rencontre")

    response = client.get(agenda.url, {"theme": "inconnu", "commune": "99999",
                                       "mois": "2026-13", "page": "abc"})

    assert response.status_code == 200
    assert titles(response) == ["Rencontre"]
    assert "inconnu" not in response.text


def test_a_month_far_away_is_ignored(client, agenda):
    event_in(agenda, 5, "Rencontre")

    assert titles(client.get(agenda.url, {"mois": "0000-01"})) == ["Rencontre"]


def test_twelve_events_a_page(client, agenda):
    for day in range(13):
        event_in(agenda, day + 1, f"Rencontre {day:02d}")

    first = client.get(agenda.url)
    second = client.get(agenda.url, {"page": 2})

    assert len(titles(first)) == 12
    assert titles(second) == ["Rencontre 12"]


def test_a_page_beyond_the_last_shows_the_last(client, agenda):
    event_in(agenda, 5, "Rencontre")

    assert titles(client.get(agenda.url, {"page": 40})) == ["Rencontre"]


def test_the_archive_lists_past_events_most_recent_first(client, agenda):
    event_in(agenda, -40, "Il y a quarante jours")
    event_in(agenda, -2, "Avant-hier")
    event_in(agenda, 3, "Dans trois jours")

    response = client.get(agenda.url + "archives/")

    assert response.status_code == 200
    assert titles(response) == ["Avant-hier", "Il y a quarante jours"]
    assert response.context["past"] is True


def test_a_recurring_meeting_goes_to_the_archive_after_its_last_date(client, agenda):
    start = in_days(-60)
    EventPageFactory(parent=agenda, title="Réunion terminée", starts_at=start,
                     ends_at=start + datetime.timedelta(hours=2), recurrence=Recurrence.WEEKLY,
                     recurrence_until=timezone.localdate() - datetime.timedelta(days=10))
    start = in_days(-60)
    EventPageFactory(parent=agenda, title="Réunion en cours", starts_at=start,
                     ends_at=start + datetime.timedelta(hours=2), recurrence=Recurrence.WEEKLY,
                     recurrence_until=timezone.localdate() + datetime.timedelta(days=30))

    assert titles(client.get(agenda.url + "archives/")) == ["Réunion terminée"]
    assert titles(client.get(agenda.url)) == ["Réunion en cours"]


def test_the_archive_takes_the_same_filters(client, agenda):
    theme = ThemeFactory(slug="emploi")
    event_in(agenda, -5, "Sur l'emploi", theme=theme)
    event_in(agenda, -6, "Sur autre chose")

    response = client.get(agenda.url + "archives/", {"theme": "emploi"})

    assert titles(response) == ["Sur l'emploi"]
    assert 'action="/agenda/archives/"' in response.text


def test_an_empty_list_says_so_and_points_to_the_archive(client, agenda):
    response = client.get(agenda.url)

    assert "Aucun événement à venir" in response.text
    assert 'href="/agenda/archives/"' in response.text


def test_the_filter_form_has_a_label_for_each_field(client, agenda):
    response = client.get(agenda.url)

    for name in ("theme", "commune", "mois"):
        assert f'<label for="id_{name}">' in response.text


def make_events(agenda, count, first=0):
    """`count` events to come, with their theme, venue and organiser, and as many past."""
    theme = ThemeFactory(slug="emploi")
    for number in range(first, first + count):
        for days in (number % 40 + 1, -(number % 40) - 1):
            when = "à venir" if days > 0 else "passée"
            event = event_in(agenda, days, f"Rencontre {number} {when}", theme=theme,
                             venue=VenueFactory())
            EventOrganiser.objects.create(page=event, association=AssociationFactory())


@pytest.mark.parametrize("path", ["", "archives/", "?theme=emploi&commune=77108&mois="])
def test_the_page_runs_as_many_queries_with_100_events_as_with_5(client, agenda, path):
    make_events(agenda, 5)
    few = queries_of(client, agenda.url + path)

    make_events(agenda, 95, first=5)

    assert queries_of(client, agenda.url + path) == few
