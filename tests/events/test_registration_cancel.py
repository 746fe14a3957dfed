"""Cancelling from the link of the emails: a confirmation button first, once only, until the
event starts."""

import datetime
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from events.models import EventPage, Registration, RegistrationStatus
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def url(registration):
    return f"/events/annulation/{registration.token}/"


def test_the_cancel_link_asks_before_cancelling(client, event):
    registration = RegistrationFactory(event=event, name="Camille Martin", places=2)

    response = client.get(url(registration))

    assert response.status_code == 200
    assert "Inscription de Camille Martin, pour 2 places." in response.text
    assert "Annuler mon inscription" in response.text
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    assert '<meta name="robots" content="noindex">' in response.text


def test_the_cancel_link_works_once(client, event):
    registration = RegistrationFactory(event=event)

    first = client.post(url(registration))
    second = client.post(url(registration))

    assert "Votre inscription est annulée." in first.text
    assert "Cette inscription est déjà annulée." in second.text
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_cancelling_gives_the_place_to_the_waiting_list(
    client, event, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING,
                                  email="attente@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(registration))

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[0].to == ["attente@example.org"]


def test_an_unknown_token_is_not_found(client, event):
    RegistrationFactory(event=event)

    assert client.get(f"/events/annulation/{uuid.uuid4()}/").status_code == 404
    assert client.post(f"/events/annulation/{uuid.uuid4()}/").status_code == 404


def test_a_past_event_can_no_longer_be_cancelled(client, event):
    registration = RegistrationFactory(event=event)
    EventPage.objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=1),
        ends_at=timezone.now() - datetime.timedelta(days=1) + datetime.timedelta(hours=2),
    )

    page = client.get(url(registration))
    response = client.post(url(registration))

    assert "Annuler mon inscription" not in page.text
    assert "ne peut plus être annulée" in response.text
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_the_cancel_page_speaks_english_for_an_english_link(client, event, english_event):
    registration = RegistrationFactory(event=event, language="en")

    response = client.get(f"/en/events/annulation/{registration.token}/")

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Meeting: jobs in associations" in response.text
