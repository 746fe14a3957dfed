import datetime
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from directory.models import Commune
from events.models import EventIndexPage, EventPage, Registration, Theme, Venue


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thème numéro {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class VenueFactory(factory.django.DjangoModelFactory):
    """A room in Chelles, with its position on the map."""

    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Salle des fêtes n° {n}")
    street_address = "12 rue de la Gare"
    postcode = "77500"
    commune = factory.LazyFunction(lambda: Commune.objects.get(code="77108"))
    latitude = Decimal("48.879400")
    longitude = Decimal("2.590300")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """The events page. Pass `parent=` (usually the `home_page` fixture)."""

    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = "agenda"
    live = True


def in_days(days, hour=19):
    """An instant `days` from now at `hour` o'clock, Paris time."""
    day = timezone.localtime() + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event in ten days, 19:00-21:00 Paris time. Pass `parent=` (an events page)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Rencontre thématique n° {n}")
    introduction = "Une soirée d'échanges entre associations."
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    live = True


class RegistrableEventFactory(EventPageFactory):
    """An event taking registrations: 10 places, at most 4 per registration."""

    registration_enabled = True
    capacity = 10


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    places = 1
