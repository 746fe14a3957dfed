"""The registration form tells strangers nothing about an address: registering with an
address registered already changes nothing and gets the very answer a first registration
gets (status, redirect, page), and counts against the limits like one; the address's owner
learns the rest by email."""

import re

import pytest
from django.core import mail
from django.test import Client

from events import registration_views
from events.models import Registration, RegistrationStatus
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def form_data(email, **extra):
    return {"name": "Camille Martin", "email": email, "association_name": "",
            "places": "2", "needs": "", "website": "", **extra}


def url(event):
    return f"/events/inscription/{event.pk}/"


def answer(event, email, capture, **extra):
    """What a new visitor gets back for registering with `email`: (status, redirect, the
    page it leads to, CSRF tokens aside)."""
    client = Client()
    with capture(execute=True):
        response = client.post(url(event), form_data(email, **extra))
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return (response.status_code, response.get("Location"), page.status_code,
            CSRF.sub("", page.content.decode()))


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("state", [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING])
def test_an_address_registered_already_gets_the_same_answer_as_a_new_one(
    event, full, state, django_capture_on_commit_callbacks
):
    if full:
        RegistrationFactory(event=event, places=4)
        RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, email="connue@example.org", places=1, status=state)

    # The known address first: it changes nothing, so both meet the same places.
    again = answer(event, "connue@example.org", django_capture_on_commit_callbacks)
    new = answer(event, "nouvelle@example.org", django_capture_on_commit_callbacks)

    assert again[:2] == (302, f"{url(event)}merci/")
    assert again == new
    known = Registration.objects.get(email="connue@example.org")
    assert (known.places, known.status) == (1, state)


def test_the_addresses_owner_learns_by_email_that_they_are_registered_already(
    event, django_capture_on_commit_callbacks
):
    known = RegistrationFactory(event=event, email="connue@example.org", places=1,
                                name="Claude Connu")

    answer(event, "Connue@Example.org", django_capture_on_commit_callbacks)

    [message] = mail.outbox
    assert message.to == ["connue@example.org"]
    assert "Vous êtes déjà inscrit·e" in message.subject
    assert "rien n'a changé" in message.body
    assert "Claude Connu" in message.body
    assert f"/events/annulation/{known.token}/" in message.body
    assert [name for name, _content, _type in message.attachments] \
        == [f"{event.slug}.ics"]


def test_a_bad_form_with_a_registered_address_gets_the_same_errors(
    event, django_capture_on_commit_callbacks
):
    known = RegistrationFactory(event=event, email="connue@example.org", places=1)

    registered = answer(event, "connue@example.org", django_capture_on_commit_callbacks,
                        places="9")
    # The same places taken, by another address.
    Registration.objects.filter(pk=known.pk).update(email="autre@example.org")
    unknown = answer(event, "connue@example.org", django_capture_on_commit_callbacks,
                     places="9")

    assert registered[0] == 200
    assert registered == unknown


def test_registering_again_is_limited_per_address_like_new_registrations(
    event, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(registration_views.REGISTRATIONS_PER_EMAIL, "limit", 3)
    RegistrationFactory(event=event, email="connue@example.org", places=1)
    statuses = {}
    for email in ("connue@example.org", "nouvelle@example.org"):
        statuses[email] = [answer(event, email, django_capture_on_commit_callbacks,
                                  places="1")[0] for _attempt in range(4)]

    assert statuses["connue@example.org"] == statuses["nouvelle@example.org"] \
        == [302, 302, 302, 429]
    assert len([m for m in mail.outbox if m.to == ["connue@example.org"]]) == 3


def test_registering_again_is_limited_per_connection_like_new_registrations(
    client, event, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(registration_views.REGISTRATIONS_PER_IP, "limit", 2)
    RegistrationFactory(event=event, email="connue@example.org", places=1)
    statuses = []
    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            statuses.append(client.post(url(event),
                                        form_data("connue@example.org")).status_code)

    assert statuses == [302, 302, 429]
