"""The reminders of the year's dues (`manage.py send_dues_reminders`, run by cron).

From DUES_CALL_DATE (month-day, 15 January by default) of the calendar year on, every
association that is a member today and whose dues of the year are undeclared or unpaid is
reminded: one email to each of its people acting today (extranet.dues.recipients) saying
the amount when the budget is declared, and where to declare it and how to pay. Never those
whose dues are paid; never twice within DUES_REMINDER_DAYS days (30 by default); each
association reminded gets a DuesReminder row, which the treasurer's list shows. An
association with nobody to write to is not reminded (and so is tried again at the next run).
"""

import contextlib
import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Exists, OuterRef, Subquery
from django.template.loader import render_to_string
from django.utils import timezone, translation

from directory.models import Association
from extranet.dues import links, services
from extranet.dues.models import Dues, DuesReminder
from extranet.dues.recipients import people_of
from portal.emails import one_line


def due(year, now=None):
    """The member associations to remind about their dues of `year`, by name, each with
    `amount` (None when undeclared)."""
    now = now or timezone.now()
    dues = Dues.objects.filter(association=OuterRef("pk"), year=year)
    recently = DuesReminder.objects.filter(
        association=OuterRef("pk"), year=year,
        sent_at__gt=now - datetime.timedelta(days=settings.DUES_REMINDER_DAYS),
    )
    return (
        Association.objects.members()
        .exclude(Exists(dues.filter(paid_on__isnull=False)))
        .exclude(Exists(recently))
        .annotate(amount=Subquery(dues.values("amount")[:1]))
        .order_by("name", "pk")
    )


@dataclass
class Outcome:
    """What a run did: the associations reminded (with how many people each), those left
    out for want of anybody to write to, and whether it was too early in the year."""

    year: int
    reminded: list = field(default_factory=list)
    nobody: list = field(default_factory=list)
    too_early: bool = False


def message(association, person, year, connection=None):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "association": association, "person": person, "year": year,
            "amount": services.euros(association.amount)
            if association.amount is not None else "",
            "url": links.dues_home_url(), "site_name": settings.WAGTAIL_SITE_NAME,
            "payment_instructions": settings.DUES_PAYMENT_INSTRUCTIONS,
        }
        subject = one_line(render_to_string("extranet/dues/emails/reminder_subject.txt",
                                            context))
        body = render_to_string("extranet/dues/emails/reminder.txt", context)
    return EmailMessage(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body, None,
                        [person.email], connection=connection)


def send(year=None, dry_run=False):
    """Remind the associations `due` for `year` (the current year by default), or only list
    them when `dry_run`; nothing before the year's call date. Sent here, over one
    connection, not queued: this runs from cron."""
    year = year or services.current_year()
    outcome = Outcome(year)
    if timezone.localdate() < services.call_date(year):
        outcome.too_early = True
        return outcome
    associations = list(due(year))
    people = people_of(association.pk for association in associations)
    with contextlib.nullcontext() if dry_run else get_connection() as connection:
        for association in associations:
            persons = people.get(association.pk, [])
            if not persons:
                outcome.nobody.append((association, 0))
            elif dry_run:
                outcome.reminded.append((association, len(persons)))
            else:
                outcome.reminded.append((association, remind(association, persons, year,
                                                             connection)))
    return outcome


def remind(association, persons, year, connection):
    """Email the association's people and record the reminder; the number sent."""
    sent = sum(message(association, person, year, connection).send() for person in persons)
    DuesReminder.objects.create(association=association, year=year, recipients=sent)
    return sent
