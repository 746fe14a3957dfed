"""Themes and venues in the Wagtail admin, under *Événements*; a venue or a theme that an
event uses cannot be deleted, and the admin says so."""

import pytest

from events.models import Theme, Venue
from portal.editorial import setup_editorial_roles
from tests.factories import EventPageFactory, ThemeFactory, UserFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, home_page):
    roles = setup_editorial_roles()
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


def test_the_admin_menu_has_events_with_themes_and_venues(client, coordinator):
    response = client.get("/admin/")

    assert response.status_code == 200
    assert '"label": "\\u00c9v\\u00e9nements"' in response.text  # the menu is JSON
    assert "/admin/snippets/events/theme/" in response.text
    assert "/admin/snippets/events/venue/" in response.text


def test_a_coordinator_finds_a_venue_by_its_name(client, coordinator):
    VenueFactory(name="Maison des associations")
    VenueFactory(name="Salle Jean-Moulin")

    response = client.get("/admin/snippets/events/venue/", {"q": "Moulin"})

    assert response.status_code == 200
    assert "Salle Jean-Moulin" in response.text
    assert "Maison des associations" not in response.text


def test_a_coordinator_adds_a_venue_in_french(client, coordinator):
    response = client.get("/admin/snippets/events/venue/add/")

    assert response.status_code == 200
    assert "Accessible en fauteuil roulant" in response.text
    assert "Boucle magnétique" in response.text


def test_a_venue_in_use_cannot_be_deleted_and_the_admin_says_so(client, coordinator, agenda):
    venue = VenueFactory(name="Salle Jean-Moulin")
    EventPageFactory(parent=agenda, venue=venue)

    page = client.get(f"/admin/snippets/events/venue/delete/{venue.pk}/")
    client.post(f"/admin/snippets/events/venue/delete/{venue.pk}/")

    assert page.status_code == 200
    assert "empêche d'être supprimé" in page.text
    assert Venue.objects.filter(pk=venue.pk).exists()


def test_a_venue_in_use_is_kept_even_if_the_reference_index_lags(client, coordinator, agenda):
    from wagtail.models import ReferenceIndex

    venue = VenueFactory(name="Salle Jean-Moulin")
    EventPageFactory(parent=agenda, venue=venue)
    ReferenceIndex.objects.all().delete()

    response = client.post(f"/admin/snippets/events/venue/delete/{venue.pk}/", follow=True)

    assert response.status_code == 200
    assert "sert à des événements" in response.text
    assert Venue.objects.filter(pk=venue.pk).exists()


def test_an_unused_theme_can_be_deleted(client, coordinator):
    theme = ThemeFactory()

    client.post(f"/admin/snippets/events/theme/delete/{theme.pk}/")

    assert not Theme.objects.filter(pk=theme.pk).exists()


def test_an_editor_opens_the_form_of_a_new_event_in_french(admin_client, agenda):
    response = admin_client.get(f"/admin/pages/add/events/eventpage/{agenda.pk}/")

    assert response.status_code == 200
    assert "Date et heure" in response.text
    assert "Associations organisatrices" in response.text


def test_the_preview_of_an_event_shows_its_dates_as_edited(agenda):
    from tests.events.conftest import paris

    event = EventPageFactory(parent=agenda, title="Rencontre à prévisualiser")
    event.starts_at, event.ends_at = paris(2027, 3, 9, 19), paris(2027, 3, 9, 21)

    response = event.make_preview_request()

    assert response.status_code == 200
    text = response.rendered_content
    assert "Rencontre à prévisualiser" in text
    assert "mardi 9 mars 2027, 19 h – 21 h" in text


def test_the_preview_of_the_events_page_shows_its_list(agenda):
    response = agenda.make_preview_request()

    assert response.status_code == 200
    assert "Aucun événement à venir" in response.rendered_content
