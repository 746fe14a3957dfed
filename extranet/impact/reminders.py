"""The reminders of the open year's report (`manage.py send_impact_reminders`, run by cron).

Every association that is a member today and whose report of the open year is missing, a
draft or sent back for correction is reminded: one email to each of its people acting today
(extranet.impact.recipients) saying what is expected, by when (years.due_date) and where.
Never those whose report is submitted or validated; never twice within IMPACT_REMINDER_DAYS
days (30 by default); each association reminded gets a ReportReminder row, which the
coordinators' tracking list shows. An association with nobody to write to is not reminded
(and so is tried again at the next run).
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
from extranet.impact import links, years
from extranet.impact.models import ImpactReport, ReportReminder, Status
from extranet.impact.recipients import people_of
from portal.emails import one_line


def reminder_days():
    return settings.IMPACT_REMINDER_DAYS


def due(year, now=None):
    """The member associations to remind about the report of `year`, by name, each with
    `report_status` (None when there is no report) and `review_comment`."""
    now = now or timezone.now()
    reports = ImpactReport.objects.filter(association=OuterRef("pk"), year=year)
    recently = ReportReminder.objects.filter(
        association=OuterRef("pk"), year=year,
        sent_at__gt=now - datetime.timedelta(days=reminder_days()),
    )
    return (
        Association.objects.members()
        .exclude(Exists(reports.filter(status__in=[Status.SUBMITTED, Status.VALIDATED])))
        .exclude(Exists(recently))
        .annotate(report_status=Subquery(reports.values("status")[:1]),
                  review_comment=Subquery(reports.values("review_comment")[:1]))
        .order_by("name", "pk")
    )


@dataclass
class Outcome:
    """What a run did: the associations reminded (with how many people each) and those
    left out for want of anybody to write to."""

    year: int
    reminded: list = field(default_factory=list)
    nobody: list = field(default_factory=list)


def message(association, person, year, connection=None):
    due_date = years.due_date(year)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "association": association, "person": person, "year": year,
            "status": association.report_status or "", "due_date": due_date,
            "review_comment": association.review_comment or "",
            "overdue": years.today() > due_date,
            "url": links.report_form_url(association.pk, year),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = one_line(render_to_string("extranet/impact/emails/reminder_subject.txt",
                                            context))
        body = render_to_string("extranet/impact/emails/reminder.txt", context)
    return EmailMessage(f"[{settings.WAGTAIL_SITE_NAME}] {subject}", body, None,
                        [person.email], connection=connection)


def send(year=None, dry_run=False):
    """Remind the associations `due` for `year` (the open year by default), or only list
    them when `dry_run`. Sent here, over one connection, not queued: this runs from cron."""
    year = year or years.open_year()
    outcome = Outcome(year)
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
    ReportReminder.objects.create(association=association, year=year, recipients=sent)
    return sent
