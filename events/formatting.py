"""Dates and times of events in words, in Paris time and the reader's language:
"mardi 10 mars 2026, 19 h – 21 h", "chaque 2e mardi du mois, 19 h – 21 h, jusqu'au …"."""

from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from events.models import Recurrence, local_zone
from portal import dates


def local(moment):
    return timezone.localtime(moment, local_zone())


def time_text(moment):
    """"19 h", "19 h 30" (English: "19:00", "19:30")."""
    return dates.hour(local(moment))


def date_text(moment):
    """"mardi 10 mars 2026", "mardi 1er décembre 2026" (English: "Tuesday 10 March 2026")."""
    return dates.weekday_date(local(moment))


def period_text(start, end):
    """"mardi 10 mars 2026, 19 h – 21 h", or from one day to another."""
    if local(start).date() == local(end).date():
        return _("%(date)s, %(start)s – %(end)s") % {
            "date": date_text(start), "start": time_text(start), "end": time_text(end),
        }
    return _("du %(start_date)s, %(start)s au %(end_date)s, %(end)s") % {
        "start_date": date_text(start), "start": time_text(start),
        "end_date": date_text(end), "end": time_text(end),
    }


def rank_text(rank):
    ranks = {
        1: _("1er"),
        2: _("2e"),
        3: _("3e"),
        4: _("4e"),
        -1: _("dernier"),
    }
    return ranks[rank]


def rule_text(page):
    """A recurring event's rule in words, or "" for a single event: "chaque 2e mardi du
    mois, 19 h – 21 h, jusqu'au mardi 8 décembre 2026"."""
    if not page.recurrence or not page.recurrence_until or not page.starts_at:
        return ""
    start = local(page.starts_at)
    weekday = str(WEEKDAYS[start.weekday()])
    hours = _("%(start)s – %(end)s") % {"start": time_text(page.starts_at),
                                         "end": time_text(page.ends_at)}
    until = dates.long_date(page.recurrence_until)
    if page.recurrence == Recurrence.WEEKLY:
        return _("chaque %(weekday)s, %(hours)s, jusqu'au %(until)s") % {
            "weekday": weekday, "hours": hours, "until": until,
        }
    return _("chaque %(rank)s %(weekday)s du mois, %(hours)s, jusqu'au %(until)s") % {
        "rank": rank_text(page.monthly_weekday().n), "weekday": weekday, "hours": hours,
        "until": until,
    }
