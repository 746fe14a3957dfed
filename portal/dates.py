"""Dates and times in words, one way for the whole site, in Paris time and the reader's
language, after French typography: "mardi 8 décembre 2026", "1er décembre 2026", "18 h 30",
"mardi 8 décembre 2026 à 18 h 30" (English: "Tuesday 8 December 2026", "18:30",
"Tuesday 8 December 2026 at 18:30"). The templates use them through portal_tags' filters
(`long_date`, `weekday_date`, `hour`, `date_hour`, `weekday_date_hour`)."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def local(value):
    """A moment in the site's time zone; a date stays a date."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _french():
    return (get_language() or "fr").split("-")[0] == "fr"


def _day(value):
    """The day of the month, "1er" for the first in French."""
    return "1er" if value.day == 1 and _french() else str(value.day)


def long_date(value):
    """"8 décembre 2026", "1er décembre 2026" ("8 December 2026")."""
    if not value:
        return ""
    value = local(value)
    return f"{_day(value)} {date_format(value, 'F Y')}"


def weekday_date(value):
    """"mardi 8 décembre 2026" ("Tuesday 8 December 2026")."""
    if not value:
        return ""
    value = local(value)
    return f"{date_format(value, 'l')} {long_date(value)}"


def hour(value):
    """"18 h", "18 h 30" ("18:00", "18:30")."""
    if not value:
        return ""
    value = local(value)
    if value.minute:
        return _("%(hour)s h %(minute)s") % {"hour": value.hour,
                                               "minute": f"{value.minute:02d}"}
    return _("%(hour)s h") % {"hour": value.hour}


def date_hour(value):
    """"8 décembre 2026 à 18 h 30" ("8 December 2026 at 18:30")."""
    if not value:
        return ""
    return _("%(date)s à %(hour)s") % {"date": long_date(value), "hour": hour(value)}


def weekday_date_hour(value):
    """"mardi 8 décembre 2026 à 18 h 30" ("Tuesday 8 December 2026 at 18:30")."""
    if not value:
        return ""
    return _("%(date)s à %(hour)s") % {"date": weekday_date(value), "hour": hour(value)}
