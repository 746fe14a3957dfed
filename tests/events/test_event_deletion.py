"""Event pages holding registrations are unpublished, not deleted: the admin refuses to
delete them (or a page above them) and says why."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from events.models import EventPage
from tests.factories import RegistrableEventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_an_event_with_registrations_is_not_deleted(admin_client, event):
    RegistrationFactory(event=event)

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]),
                                 follow=True)

    assert EventPage.objects.filter(pk=event.pk).exists()
    assert "dépubliez-le plutôt que de le supprimer" in response.content.decode()


def test_the_events_page_above_an_event_with_registrations_is_not_deleted(
    admin_client, event, event_index
):
    RegistrationFactory(event=event)

    admin_client.post(reverse("wagtailadmin_pages:delete", args=[event_index.pk]))

    assert Page.objects.filter(pk=event_index.pk).exists()


def test_an_event_without_registrations_can_be_deleted(admin_client, event_index):
    event = RegistrableEventFactory(parent=event_index)

    admin_client.post(reverse("wagtailadmin_pages:delete", args=[event.pk]))

    assert not EventPage.objects.filter(pk=event.pk).exists()
