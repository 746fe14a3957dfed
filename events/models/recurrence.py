"""When an event repeats: weekly, or monthly on the same weekday ("the second Tuesday"),
keeping its local hour across daylight saving changes (Paris time, TIME_ZONE), within limits;
its dates, and its rule as iCalendar writes it."""

import datetime

from dateutil import rrule
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_OCCURRENCES = 260  # five years of weekly meetings
MAX_RECURRENCE_YEARS = 3


def local_zone():
    return timezone.get_default_timezone()


class Recurrence(models.TextChoices):
    NONE = "", _("une seule fois")
    WEEKLY = "weekly", _("chaque semaine, le même jour")
    MONTHLY = "monthly", _("chaque mois, le même jour de la semaine (par exemple le 2e mardi)")


def times_of(event):
    """(start, end) of every occurrence of `event` (an EventPage), in UTC: the rule applied
    in Paris time, MAX_OCCURRENCES at most."""
    if not event.starts_at or not event.ends_at:
        return []
    if not event.recurrence or not event.recurrence_until:
        return [(event.starts_at, event.ends_at)]
    zone = local_zone()
    local_start = timezone.localtime(event.starts_at, zone).replace(tzinfo=None)
    duration = event.ends_at - event.starts_at
    until = datetime.datetime.combine(event.recurrence_until, datetime.time.max)
    if event.recurrence == Recurrence.WEEKLY:
        rule = rrule.rrule(rrule.WEEKLY, dtstart=local_start, until=until,
                           count=None)
    else:
        rule = rrule.rrule(rrule.MONTHLY, dtstart=local_start, until=until,
                           byweekday=monthly_weekday_of(event.starts_at))
    times = []
    for local in rule:
        start = timezone.make_aware(local, zone)
        times.append((start, start + duration))
        if len(times) >= MAX_OCCURRENCES:
            break
    return times


def monthly_weekday_of(starts_at):
    """The first start's weekday and its rank in the month: "the 2nd Tuesday" (the last
    one of the month when it is the fifth)."""
    local = timezone.localtime(starts_at, local_zone())
    rank = (local.day - 1) // 7 + 1
    return rrule.weekdays[local.weekday()](-1 if rank == 5 else rank)


def rrule_of(event):
    """The recurrence of `event` as the RRULE of RFC 5545 (icalendar's vRecur value), or None."""
    if not event.recurrence or not event.recurrence_until:
        return None
    until = timezone.make_aware(
        datetime.datetime.combine(event.recurrence_until, datetime.time(23, 59, 59)),
        local_zone(),
    ).astimezone(datetime.UTC)
    if event.recurrence == Recurrence.WEEKLY:
        return {"FREQ": "WEEKLY", "UNTIL": until}
    weekday = monthly_weekday_of(event.starts_at)
    code = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][weekday.weekday]
    return {"FREQ": "MONTHLY", "BYDAY": f"{weekday.n}{code}", "UNTIL": until}
