"""A private event (a view restriction on its page or above: a password, signing in, some
groups) is no more reachable through its registration addresses than through its page: they
answer exactly as the page does, with its password form or the sign-in page."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from events.models import Registration, RegistrationStatus
from tests.factories import RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-de-la-page"


def form_data(**extra):
    return {"name": "Camille Martin", "email": "camille@example.org",
            "association_name": "", "places": "1", "needs": "", "website": "", **extra}


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=PASSWORD if kind == "password" else "",
    )
    if kind == "groups":
        restriction.groups.set([Group.objects.create(name="Invités")])
    return restriction


def same_answer(response, page_response):
    """The same answer as the page's: the same status, the password form or the sign-in
    page (coming back to the address asked)."""
    assert response.status_code == page_response.status_code
    if page_response.status_code == 302:
        assert response["Location"].split("?")[0] == page_response["Location"].split("?")[0]
    else:
        assert 'name="password"' in response.text
    assert "Camille" not in response.text


KINDS = ["password", "login", "groups"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_registration_form_of_a_private_event_answers_as_its_page(client, event, kind):
    restrict(event, kind)
    page_response = client.get(event.url)

    same_answer(client.get(f"/events/inscription/{event.pk}/"), page_response)


@pytest.mark.parametrize("kind", KINDS)
def test_registering_to_a_private_event_is_refused_as_its_page_would(client, event, kind):
    restrict(event, kind)
    page_response = client.get(event.url)

    response = client.post(f"/events/inscription/{event.pk}/", form_data())

    same_answer(response, page_response)
    assert not Registration.objects.exists()


@pytest.mark.parametrize("kind", KINDS)
def test_the_thanks_page_of_a_private_event_answers_as_its_page(client, event, kind):
    registration = RegistrationFactory(event=event, name="Camille Martin")
    session = client.session
    session["event_registration"] = registration.pk
    session.save()
    restrict(event, kind)
    page_response = client.get(event.url)

    same_answer(client.get(f"/events/inscription/{event.pk}/merci/"), page_response)


@pytest.mark.parametrize("kind", KINDS)
def test_the_cancel_link_of_a_private_event_answers_as_its_page(client, event, kind):
    registration = RegistrationFactory(event=event, name="Camille Martin")
    restrict(event, kind)
    page_response = client.get(event.url)

    same_answer(client.get(f"/events/annulation/{registration.token}/"), page_response)
    same_answer(client.post(f"/events/annulation/{registration.token}/"), page_response)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED


def test_a_restriction_on_the_agenda_above_closes_the_registration_of_its_events(
    client, event, event_index
):
    restrict(event_index, "login")

    response = client.post(f"/events/inscription/{event.pk}/", form_data())

    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_a_visitor_who_gave_the_password_registers(client, event):
    restriction = restrict(event, "password")
    client.post(f"/_util/authenticate_with_password/{restriction.pk}/{event.pk}/",
                {"password": PASSWORD, "return_url": event.url})

    response = client.post(f"/events/inscription/{event.pk}/", form_data(), follow=True)

    assert response.status_code == 200
    assert Registration.objects.get().name == "Camille Martin"


def test_a_signed_in_member_of_the_groups_registers(client, event):
    restriction = restrict(event, "groups")
    client.force_login(UserFactory(groups=list(restriction.groups.all())))

    client.post(f"/events/inscription/{event.pk}/", form_data())

    assert Registration.objects.get().name == "Camille Martin"


def test_a_signed_in_visitor_outside_the_groups_cannot_register(client, event):
    restrict(event, "groups")
    client.force_login(UserFactory())
    page_response = client.get(event.url)

    same_answer(client.post(f"/events/inscription/{event.pk}/", form_data()), page_response)
    assert not Registration.objects.exists()
