"""An event's page: when (in Paris time, a recurring meeting's rule in words and its next
dates), where (address, map), accessibility, price, programme, people, organisers, and the
documents once it is over."""

import datetime

import pytest
import wagtail_factories
from django.utils import timezone

from events.models import EventOrganiser, EventSpeaker, Recurrence
from tests.events.conftest import paris, queries_of
from tests.factories import (
    AssociationFactory,
    DirectoryPageFactory,
    EventPageFactory,
    VenueFactory,
)
from tests.factories.events import in_days

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_date_and_hours_in_paris_time(client, agenda):
    event = EventPageFactory(parent=agenda, starts_at=paris(2027, 3, 9, 19),
                             ends_at=paris(2027, 3, 9, 21, 30))

    response = client.get(event.url)

    assert response.status_code == 200
    assert "mardi 9 mars 2027, 19 h – 21 h 30" in response.text
    assert '<time datetime="2027-03-09T19:00:00+01:00">' in response.text


def test_an_event_over_several_days_says_from_when_to_when(client, agenda):
    event = EventPageFactory(parent=agenda, starts_at=paris(2027, 6, 5, 9),
                             ends_at=paris(2027, 6, 6, 17))

    response = client.get(event.url)

    assert "du samedi 5 juin 2027, 9 h au dimanche 6 juin 2027, 17 h" in response.text


def test_a_monthly_meeting_shows_its_rule_in_words_and_its_next_five_dates(client, agenda):
    start = in_days(-40)
    meeting = EventPageFactory(
        parent=agenda, starts_at=start, ends_at=start + datetime.timedelta(hours=2),
        recurrence=Recurrence.MONTHLY,
        recurrence_until=timezone.localdate() + datetime.timedelta(days=700),
    )

    response = client.get(meeting.url)

    rank = {1: "1er", 2: "2e", 3: "3e", 4: "4e", 5: "dernier"}[
        (timezone.localtime(start).day - 1) // 7 + 1]
    assert f"Chaque {rank} " in response.text
    assert " du mois, 19 h – 21 h, jusqu&#x27;au " in response.text
    assert len(response.context["upcoming_dates"]) == 5
    assert response.context["more_dates"] is True
    assert response.context["upcoming_dates"][0][1] > timezone.now()


def test_a_weekly_meeting_says_which_day(client, agenda):
    meeting = EventPageFactory(
        parent=agenda, starts_at=paris(2027, 3, 2, 18), ends_at=paris(2027, 3, 2, 20),
        recurrence=Recurrence.WEEKLY, recurrence_until=datetime.date(2027, 6, 29),
    )

    response = client.get(meeting.url)

    assert "Chaque mardi, 18 h – 20 h, jusqu&#x27;au 29 juin 2027" in response.text


def test_the_venue_address_and_its_accessibility_are_shown(client, agenda):
    venue = VenueFactory(name="Maison des associations", street_address="5 place de la Mairie",
                         wheelchair_accessible=True, hearing_loop=True,
                         access_notes="RER E, gare de Chelles-Gournay.")
    event = EventPageFactory(parent=agenda, venue=venue,
                             accessibility_notes="Interprétation en langue des signes.")

    text = client.get(event.url).text

    assert "Maison des associations<br>5 place de la Mairie<br>77500 Chelles" in text
    assert "Lieu accessible en fauteuil roulant" in text
    assert "Boucle magnétique" in text
    assert "RER E, gare de Chelles-Gournay." in text
    assert "Interprétation en langue des signes." in text


def test_a_venue_without_step_free_access_says_so(client, agenda):
    event = EventPageFactory(parent=agenda, venue=VenueFactory(wheelchair_accessible=False))

    assert "L'accès en fauteuil roulant n'est pas garanti" in client.get(event.url).text


def test_an_online_meeting_shows_its_link(client, agenda):
    event = EventPageFactory(parent=agenda, online_url="https://visio.example.org/reseau")

    text = client.get(event.url).text

    assert 'href="https://visio.example.org/reseau"' in text
    assert "En ligne :" in text


def test_an_event_is_free_by_default(client, agenda):
    event = EventPageFactory(parent=agenda)

    assert "<dd>Gratuit</dd>" in client.get(event.url).text


def test_a_paid_event_shows_its_price(client, agenda):
    event = EventPageFactory(parent=agenda, is_free=False, price="5 € pour les adhérents")

    assert "<dd>5 € pour les adhérents</dd>" in client.get(event.url).text


def test_speakers_are_listed(client, agenda):
    event = EventPageFactory(parent=agenda)
    EventSpeaker.objects.create(page=event, name="Aïcha Benali",
                                description="Juriste, France Bénévolat")

    text = client.get(event.url).text

    assert "<strong>Aïcha Benali</strong>, Juriste, France Bénévolat" in text


def test_organisers_link_to_their_page_in_the_directory(client, agenda, home_page):
    directory = DirectoryPageFactory(parent=home_page)
    published = AssociationFactory(name="Entraide chelloise", slug="entraide-chelloise")
    hidden = AssociationFactory(name="Association discrète", published=False)
    event = EventPageFactory(parent=agenda)
    EventOrganiser.objects.create(page=event, association=published)
    EventOrganiser.objects.create(page=event, association=hidden)

    text = client.get(event.url).text

    assert f'<a href="{directory.url}entraide-chelloise/">Entraide chelloise</a>' in text
    assert "<li>Association discrète</li>" in text


def test_organisers_without_a_directory_are_named_without_a_link(client, agenda):
    event = EventPageFactory(parent=agenda)
    EventOrganiser.objects.create(page=event,
                                  association=AssociationFactory(name="Entraide chelloise"))

    assert "<li>Entraide chelloise</li>" in client.get(event.url).text


def test_the_page_runs_as_many_queries_with_ten_organisers_as_with_one(client, agenda,
                                                                         home_page):
    DirectoryPageFactory(parent=home_page)
    event = EventPageFactory(parent=agenda, venue=VenueFactory())
    EventOrganiser.objects.create(page=event, association=AssociationFactory())
    EventSpeaker.objects.create(page=event, name="Camille Martin")
    one = queries_of(client, event.url)
    for _number in range(9):
        EventOrganiser.objects.create(page=event, association=AssociationFactory())
        EventSpeaker.objects.create(page=event, name="Camille Martin")

    assert queries_of(client, event.url) == one


def summary(event):
    document = wagtail_factories.DocumentFactory(title="Compte rendu de la rencontre")
    event.summary_documents = [("document", {"document": document, "label": ""})]
    event.save()
    return event


def test_the_documents_after_the_event_are_shown_once_it_is_over(client, agenda):
    past = summary(EventPageFactory(parent=agenda, starts_at=in_days(-3),
                                    ends_at=in_days(-3) + datetime.timedelta(hours=2)))

    text = client.get(past.url).text

    assert "Après l'événement" in text
    assert "Compte rendu de la rencontre" in text
    assert "Cet événement a eu lieu." in text


def test_the_documents_after_the_event_are_hidden_before_it(client, agenda):
    coming = summary(EventPageFactory(parent=agenda))

    text = client.get(coming.url).text

    assert "Compte rendu de la rencontre" not in text
    assert "Après l'événement" not in text


def test_the_map_gets_the_venue_position_from_data_attributes(client, agenda):
    event = EventPageFactory(parent=agenda, venue=VenueFactory(name="Salle Jean-Moulin"))

    text = client.get(event.url).text

    assert 'data-latitude="48.879400" data-longitude="2.590300"' in text
    assert 'data-name="Salle Jean-Moulin"' in text
    assert "/static/leaflet/leaflet.js" in text
    assert "/static/js/event_map.js" in text
    assert "<script>" not in text  # no inline script: the CSP forbids it


def test_a_venue_without_position_shows_its_address_without_a_map(client, agenda):
    venue = VenueFactory(name="Salle du conseil", latitude=None, longitude=None)
    event = EventPageFactory(parent=agenda, venue=venue)

    text = client.get(event.url).text

    assert "Salle du conseil<br>12 rue de la Gare<br>77500 Chelles" in text
    assert "event-map" not in text
    assert "leaflet" not in text


def test_the_page_links_its_calendar_in_the_head_and_the_body(client, agenda):
    event = EventPageFactory(parent=agenda, slug="rencontre-emploi")

    text = client.get(event.url).text

    assert ('<link rel="alternate" type="text/calendar" '
            'href="/agenda/rencontre-emploi/calendrier.ics"') in text
    assert "Ajouter à mon agenda (.ics)" in text


def test_the_registration_block_is_included_only_when_registration_is_on(client, agenda):
    from django.template.loader import get_template

    get_template("events/includes/registration.html")  # exists for the registration work
    closed = EventPageFactory(parent=agenda)
    assert client.get(closed.url).status_code == 200


def test_the_page_is_also_in_english_with_the_english_theme_name(client, agenda, english):
    from tests.factories import ThemeFactory

    theme = ThemeFactory(name="Emploi associatif", name_en="Jobs in associations")
    event = EventPageFactory(parent=agenda, theme=theme, starts_at=paris(2027, 3, 9, 19),
                             ends_at=paris(2027, 3, 9, 21))

    text = client.get(event.url, headers={"accept-language": "en"}).text

    assert "Emploi associatif" in text  # the French page stays in French
    assert event.title in text
