"""Registrations of the public to an event: the rules, in one place.

- An event takes registrations when it is published, `registration_enabled` and not recurring,
  until its deadline (`registration_deadline`, else its start): `EventPage.registration_is_open`.
- Registrations always belong to the event's page in the default language (French, the source
  of its translations): visitors of the English page and of the French one share the places.
- One active registration per address and event (case ignored; the database refuses a second
  one as well); at most `max_places_per_registration` places at once. Registering again with
  an address already registered changes nothing and gets the answer a first registration
  would get (the page tells a stranger nothing about an address): the address's owner gets
  an email saying they are registered already, with their registration and the link to
  cancel.
- A registration is confirmed when its places fit in those left (`EventPage.seats`: the
  event's capacity, else its venue's; None: no limit) and nobody is waiting; otherwise the
  whole registration waits (never a part of it).
- The waiting list is strictly first come, first served: when places free up (a cancellation,
  a larger capacity published), waiting registrations are confirmed in the order they came
  while each one fits; the first one that does not fit stops the promotion, and nobody behind
  it overtakes it (not even a smaller one), so a newcomer never goes before a waiting person.
- A registration is cancelled (from the link of its emails) until the event starts;
  cancelling twice changes nothing. Registrations are never deleted.
- Every change to an event's registrations happens under a lock on the event's page row
  (`SELECT … FOR UPDATE` on PostgreSQL; SQLite serialises writers anyway), so two people never
  both get the last place.
- Emails (confirmation, promotion) are sent by background tasks (events.tasks) once the
  transaction is committed; the reminder of the day before is `manage.py send_event_reminders`.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from events.models import EventPage, Registration, RegistrationStatus
from portal.background import enqueue_after_commit
from portal.i18n import page_in_language, source_page  # noqa: F401 (page_in_language: used by the emails and views)

logger = logging.getLogger(__name__)

# The reminder goes out within the 24 hours before the event starts.
REMINDER_WINDOW = datetime.timedelta(hours=24)

CLOSED = _("Les inscriptions sont closes.")
NOT_AVAILABLE = _("Cet événement ne prend pas d'inscription en ligne.")
TOO_MANY_PLACES = _("Au plus %(limit_value)s places par inscription.")
STARTED = _("L'événement a commencé : l'inscription ne peut plus être annulée.")


def source_event(event):
    """The event's page in the default language, which holds the registrations."""
    return source_page(event)


def lock_event(event_id):
    """Lock the event's page row until the end of the transaction, and read the event again
    (its capacity may have changed meanwhile)."""
    list(Page.objects.select_for_update().filter(pk=event_id).values_list("pk", flat=True))
    return EventPage.objects.select_related("venue").get(pk=event_id)


def takes_registrations(event):
    """Whether the event has online registration at all (open or closed by now)."""
    return bool(event.live and event.registration_enabled and not event.recurrence)


@dataclass
class Availability:
    seats: int | None  # None: no limit
    taken: int  # confirmed places
    waiting: int  # waiting registrations

    @property
    def remaining(self):
        return None if self.seats is None else max(self.seats - self.taken, 0)

    @property
    def full(self):
        """Newcomers go to the waiting list."""
        return self.seats is not None and (self.remaining == 0 or self.waiting > 0)

    def fits(self, places):
        return self.seats is None or (not self.waiting and places <= self.remaining)


def availability(event):
    """The event's places: one query (two when the venue gives the capacity)."""
    counts = Registration.objects.filter(event=event).aggregate(
        taken=Coalesce(Sum("places", filter=Q(status=RegistrationStatus.CONFIRMED)), 0),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
    )
    return Availability(event.seats, counts["taken"], counts["waiting"])


def waiting_position(registration):
    """1 for the first of the waiting list."""
    return Registration.objects.waiting().filter(event_id=registration.event_id).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    ).count() + 1


def _send_after_commit(registration_id, kind):
    from events.tasks import send_registration_email

    enqueue_after_commit(send_registration_email, registration_id, kind)


@dataclass
class Answer:
    """What the visitor who registered is told: the same whether the registration is new or
    the address was registered already (`registration` is then None: nothing changed)."""

    event_id: int
    places: int
    position: int | None  # rank on the waiting list; None: the places are confirmed
    registration: Registration | None = None

    @property
    def status(self):
        return RegistrationStatus.CONFIRMED if self.position is None \
            else RegistrationStatus.WAITING


def register(event, data, language="fr", now=None):
    """Register someone (`data`: name, email, association_name, places, needs) to `event`
    (either language's page): confirmed or waiting. Raises ValidationError, with a message
    for the visitor, when the registration is refused. Returns the Answer to show; when the
    address is registered already, nothing changes, its owner is emailed, and the Answer is
    the one a new registration would have got."""
    email = (data["email"] or "").strip().lower()
    places = data.get("places") or 1
    with transaction.atomic():
        event = lock_event(source_event(event).pk)
        now = now or timezone.now()
        if not takes_registrations(event):
            raise ValidationError(NOT_AVAILABLE, code="not_available")
        if not event.registration_is_open(now):
            raise ValidationError(CLOSED, code="closed")
        if places > event.max_places_per_registration:
            raise ValidationError({"places": ValidationError(
                TOO_MANY_PLACES, code="too_many_places",
                params={"limit_value": event.max_places_per_registration},
            )})
        places_now = availability(event)
        status = (RegistrationStatus.CONFIRMED if places_now.fits(places)
                  else RegistrationStatus.WAITING)
        # What a new registration gets; an address registered already gets the same answer.
        answer = Answer(event.pk, places,
                        None if status == RegistrationStatus.CONFIRMED
                        else places_now.waiting + 1)
        existing = Registration.objects.active().filter(event=event, email__iexact=email).first()
        if existing is None:
            try:
                with transaction.atomic():
                    answer.registration = Registration.objects.create(
                        event=event, name=data["name"].strip(), email=email,
                        association_name=(data.get("association_name") or "").strip(),
                        places=places, needs=(data.get("needs") or "").strip(),
                        status=status, language=language, created_at=now,
                    )
            except IntegrityError:  # registered meanwhile (the unique constraint)
                existing = Registration.objects.active().filter(
                    event=event, email__iexact=email).first()
                if existing is None:
                    raise
        if existing is not None:
            _send_after_commit(existing.pk, "already_registered")
        else:
            _send_after_commit(answer.registration.pk, "confirmation")
    return answer


def cancel(registration, now=None):
    """Cancel a registration and give its places to the waiting list. Returns False when it
    was already cancelled (nothing changes); raises ValidationError once the event started."""
    with transaction.atomic():
        event = lock_event(registration.event_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == RegistrationStatus.CANCELLED:
            registration.status, registration.cancelled_at = current.status, current.cancelled_at
            return False
        now = now or timezone.now()
        if now >= event.starts_at:
            raise ValidationError(STARTED, code="started")
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        registration.status, registration.cancelled_at = current.status, current.cancelled_at
        promote_waiting(event, now=now)
    return True


def promote_waiting(event, now=None):
    """Confirm waiting registrations, in order, while their places fit (see the module's
    docstring); each one promoted is emailed. Call it with the event locked (within
    `lock_event`'s transaction), or it locks the event itself. Returns those promoted."""
    now = now or timezone.now()
    with transaction.atomic():
        event = lock_event(event.pk)
        if now >= event.starts_at:
            return []
        seats = event.seats
        taken = availability(event).taken
        promoted = []
        for registration in Registration.objects.waiting().filter(event=event):
            if seats is not None and registration.places > seats - taken:
                break
            registration.status = RegistrationStatus.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
            taken += registration.places
            promoted.append(registration)
            _send_after_commit(registration.pk, "promoted")
    return promoted


def event_published(sender, instance, **kwargs):
    """`page_published` of an event: a larger capacity frees places for the waiting list."""
    event = source_event(instance)
    if Registration.objects.waiting().filter(event=event).exists():
        promote_waiting(event)


# What the event page shows


@dataclass
class RegistrationState:
    event: EventPage  # the page in the default language, holding the registrations
    open: bool
    availability: Availability
    form: object = None
    action_url: str = ""


def registration_context(page, request, form=None):
    """What `events/includes/registration.html` needs, for the event page (either language):
    `{"registration": RegistrationState}`; `form`, a bound form to show again with its
    errors. Three or four queries."""
    from events.forms import RegistrationForm

    event = source_event(page)
    is_open = takes_registrations(event) and event.registration_is_open()
    if is_open and form is None:
        form = RegistrationForm(max_places=event.max_places_per_registration)
    state = RegistrationState(
        event=event, open=is_open, availability=availability(event), form=form,
        action_url=reverse("event_registration:register", args=[page.pk]),
    )
    return {"registration": state}


def local_times(event):
    """The start and end in Paris time."""
    return timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)



# The reminder of the day before


def due_reminders(now=None):
    """Confirmed registrations of published events starting within REMINDER_WINDOW, not
    reminded yet nor erased. Those confirmed within that window (registered or promoted less
    than a day before the start) are left out: their confirmation, a few hours old, says it
    all."""
    now = now or timezone.now()
    window_opens = F("event__starts_at") - REMINDER_WINDOW
    return Registration.objects.confirmed().filter(
        reminded_at__isnull=True,
        erased_at__isnull=True,
        event__live=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + REMINDER_WINDOW,
    ).exclude(
        Q(promoted_at__isnull=True, created_at__gte=window_opens)
        | Q(promoted_at__gte=window_opens)
    ).order_by("event__starts_at", "pk")


@dataclass
class ReminderReport:
    sent: int = 0
    failed: list = field(default_factory=list)  # (registration id, error)


def send_reminders(now=None):
    """Email each due reminder. Each one is marked (`reminded_at`) and sent in one
    transaction: a reminder marked was sent, a sending that fails leaves it unmarked (the
    next run tries again), and two runs at once never send the same one twice (the
    conditional update lets only one of them take it)."""
    from events.emails import registration_email

    now = now or timezone.now()
    report = ReminderReport()
    due = list(due_reminders(now).values_list("pk", flat=True))
    with get_connection() as connection:
        for pk in due:
            try:
                with transaction.atomic():
                    taken = Registration.objects.filter(
                        pk=pk, reminded_at__isnull=True, status=RegistrationStatus.CONFIRMED,
                        erased_at__isnull=True,
                    ).update(reminded_at=now)
                    if not taken:
                        continue  # reminded, cancelled or erased meanwhile
                    registration = Registration.objects.select_related(
                        "event", "event__venue", "event__venue__commune"
                    ).get(pk=pk)
                    registration_email(registration, "reminder", connection).send()
            except Exception as error:  # reported; the next run tries again
                logger.exception("Reminder of registration %s not sent", pk)
                report.failed.append((pk, error))
                continue
            report.sent += 1
    return report
