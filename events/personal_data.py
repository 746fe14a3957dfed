"""What the events hold on people (their registrations), its export and its erasure
(registered in portal.personal_data by events.apps).

Erasing a registration empties what identifies the person (name, address, association,
needs), gives it a new cancellation key (the link of the emails already sent no longer opens
it) and keeps its event, state, places, dates and attendance: the counts and the waiting list
stay right. No email is sent for an erased registration. The registrations of an event that
ended more than EVENT_REGISTRATION_RETENTION_DAYS ago are erased the same way by
`manage.py purge_personal_data`.
"""

import datetime
import uuid

from django.db import transaction

from events.models import Registration
from portal.personal_data import Retention, iso_datetime


def export(email):
    registrations = (Registration.objects.filter(email__iexact=email)
                     .select_related("event").order_by("created_at", "pk"))
    return [
        {
            "event": registration.event.title,
            "event_starts_at": iso_datetime(registration.event.starts_at),
            "name": registration.name,
            "email": registration.email,
            "association_name": registration.association_name,
            "places": registration.places,
            "needs": registration.needs,
            "status": str(registration.get_status_display()),
            "language": registration.language,
            "created_at": iso_datetime(registration.created_at),
            "promoted_at": iso_datetime(registration.promoted_at),
            "cancelled_at": iso_datetime(registration.cancelled_at),
            "reminded_at": iso_datetime(registration.reminded_at),
            "attended": registration.attended,
        }
        for registration in registrations
    ]


def erase(email, now):
    """Erase the registrations of `email`: the number erased."""
    return erase_registrations(Registration.objects.filter(email__iexact=email), now)


def erase_registrations(registrations, now):
    """Erase `registrations` (a queryset), those not erased yet: the number erased."""
    with transaction.atomic():
        ids = list(registrations.filter(erased_at__isnull=True).values_list("pk", flat=True))
        for pk in ids:  # one key each: the cancellation key is unique
            Registration.objects.filter(pk=pk).update(
                name="", email="", association_name="", needs="", token=uuid.uuid4(),
                erased_at=now,
            )
    return len(ids)


def past_registrations(now, days):
    """Registrations not erased yet of the events that ended more than `days` ago."""
    return Registration.objects.filter(
        erased_at__isnull=True, event__ends_at__lt=now - datetime.timedelta(days=days))


RETENTION = [
    Retention(
        setting="EVENT_REGISTRATION_RETENTION_DAYS",
        label="Inscriptions aux événements terminés",
        outcome="anonymisées (les places restent comptées)",
        expired=past_registrations,
        purge=erase_registrations,
    ),
]
