import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration


def in_days(days, hour=18):
    """`days` from today, at `hour` o'clock Paris time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class EventIndexPageFactory(wagtail_factories.PageFactory):
    """The events' index. Pass `parent=` (the `home_page` fixture)."""

    class Meta:
        model = EventIndexPage

    title = "Agenda"
    slug = "agenda"
    live = True


class EventPageFactory(wagtail_factories.PageFactory):
    """A published event in ten days, 18:00 to 20:00 (Paris), taking registrations. Pass
    `parent=` (an EventIndexPage)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Rencontre thématique {n}")
    introduction = "Une soirée pour échanger entre associations."
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda page: page.starts_at + datetime.timedelta(hours=2))
    registration_enabled = True
    capacity = 10
    live = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    name = factory.Sequence(lambda n: f"Personne {n}")
    email = factory.Sequence(lambda n: f"personne{n}@example.org")
    places = 1
