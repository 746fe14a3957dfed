"""The registration form, on the event page (its include) and on its own page, the
confirmation page, and what protects them (CSRF, a trap for robots, a rate limit)."""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone, translation

from events.models import EventPage, Registration, RegistrationStatus
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {"name": "Camille Martin", "email": "camille@example.org",
            "association_name": "Les Jardins partagés", "places": "2",
            "needs": "Repas végétarien", "website": "", **extra}


def url(event):
    return f"/events/inscription/{event.pk}/"


def include(event, rf):
    with translation.override("fr"):
        return render_to_string("events/includes/registration.html", {"page": event},
                                request=rf.get(event.url))


def test_the_event_page_shows_the_form_and_the_places_left(event, rf):
    RegistrationFactory(event=event, places=3)

    html = include(event, rf)

    assert f'action="{url(event)}"' in html
    assert "Il reste 7 places." in html
    assert 'autocomplete="email"' in html
    assert 'max="4"' in html


def test_the_event_page_says_registrations_are_closed_after_the_deadline(event, rf):
    event.registration_deadline = timezone.now() - datetime.timedelta(minutes=1)
    event.save()

    html = include(event, rf)

    assert "Les inscriptions sont closes." in html
    assert "<form" not in html


def test_the_event_page_says_when_the_waiting_list_begins(event, rf):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)

    html = include(event, rf)

    assert "Complet : inscription en liste d'attente." in html
    assert "M'inscrire en liste d'attente" in html


def test_a_visitor_registers_and_sees_the_confirmation(client, event):
    response = client.post(url(event), form_data(), follow=True)

    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert (registration.name, registration.places) == ("Camille Martin", 2)
    assert registration.language == "fr"
    assert response.redirect_chain == [(f"{url(event)}merci/", 302)]
    assert "Votre inscription est confirmée" in response.text
    assert "2 places sont réservées à votre nom." in response.text


def test_the_confirmation_page_gives_the_place_on_the_waiting_list(client, event):
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    RegistrationFactory(event=event, status=RegistrationStatus.WAITING)

    response = client.post(url(event), form_data(), follow=True)

    assert "Vous êtes en liste d'attente" in response.text
    assert "Votre rang sur la liste d'attente : 2." in response.text


def test_the_confirmation_page_needs_the_visitors_own_registration(client, event):
    RegistrationFactory(event=event)

    response = client.get(f"{url(event)}merci/")

    assert response.status_code == 302
    assert response["Location"] == url(event)


def test_a_bad_email_is_refused_and_what_was_typed_is_kept(client, event):
    response = client.post(url(event), form_data(email="camille-at-example"))

    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert "Saisissez une adresse de courriel valide." in response.text
    assert 'value="camille-at-example"' in response.text
    assert 'value="Les Jardins partagés"' in response.text
    assert "Repas végétarien" in response.text
    assert "<h1>Inscription : Rencontre : l&#x27;emploi associatif</h1>" in response.text


def test_a_filled_trap_field_is_refused(client, event):
    response = client.post(url(event), form_data(website="https://spam.example"))

    assert response.status_code == 200
    assert not Registration.objects.exists()
    assert "doit rester vide" in response.text


def test_registering_again_with_the_same_address_adds_nothing(client, event):
    RegistrationFactory(event=event, email="camille@example.org", places=1)

    response = client.post(url(event), form_data(email="CAMILLE@example.org"), follow=True)

    assert Registration.objects.count() == 1
    assert Registration.objects.get().places == 1
    assert "Votre inscription est confirmée" in response.text


def test_too_many_places_are_refused_by_the_form(client, event):
    response = client.post(url(event), form_data(places="9"))

    assert not Registration.objects.exists()
    assert "Au plus 4 places par inscription." in response.text


def test_a_registration_after_the_deadline_says_registrations_are_closed(client, event):
    EventPage.objects.filter(pk=event.pk).update(
        registration_deadline=timezone.now() - datetime.timedelta(minutes=1)
    )

    response = client.post(url(event), form_data())

    assert not Registration.objects.exists()
    assert "Les inscriptions sont closes." in response.text


def test_the_rate_limit_refuses_politely_after_ten_registrations(client, event_index):
    from tests.factories import RegistrableEventFactory

    event = RegistrableEventFactory(parent=event_index, capacity=None,
                                    max_places_per_registration=1)
    for number in range(10):
        response = client.post(url(event), form_data(email=f"p{number}@example.org",
                                                     places="1"))
        assert response.status_code == 302

    response = client.post(url(event), form_data(email="onze@example.org", places="1"))

    assert response.status_code == 429
    assert "réessayez dans une heure" in response.text
    assert 'value="onze@example.org"' in response.text
    assert Registration.objects.count() == 10


def test_the_form_is_protected_against_cross_site_requests(event):
    client = Client(enforce_csrf_checks=True)

    response = client.post(url(event), form_data())

    assert response.status_code == 403
    assert not Registration.objects.exists()


def test_a_registration_on_the_english_site_is_kept_in_english(client, english_event):
    response = client.post(f"/en/events/inscription/{english_event.pk}/", form_data(),
                           follow=True)

    registration = Registration.objects.get()
    assert registration.language == "en"
    assert registration.event.locale.language_code == "fr"
    assert response.redirect_chain[-1][0] == f"/en/events/inscription/{english_event.pk}/merci/"


def test_an_event_without_registration_has_no_registration_page(client, event):
    EventPage.objects.filter(pk=event.pk).update(registration_enabled=False)

    assert client.get(url(event)).status_code == 404
    assert client.post(url(event), form_data()).status_code == 404


def test_nothing_personal_goes_into_the_addresses(client, event):
    response = client.post(url(event), form_data())

    assert not re.search(r"camille|Martin|@", response["Location"])


def test_the_registration_pages_run_a_bounded_number_of_queries(
    client, event, django_assert_max_num_queries
):
    for number in range(20):
        RegistrationFactory(event=event, status=RegistrationStatus.WAITING,
                            email=f"p{number}@example.org")
    client.get(url(event))  # the site's caches (navigation, settings) are warm

    # Each page asks for the view restrictions of the event and its ancestors, as the event
    # page does (one query).
    with django_assert_max_num_queries(9):
        client.get(url(event))
    with django_assert_max_num_queries(26):
        client.post(url(event), form_data())
    with django_assert_max_num_queries(9):
        response = client.get(f"{url(event)}merci/")
    assert "Votre rang sur la liste d'attente : 21." in response.text
