"""Which year the associations report on, and by when.

Reports cover a calendar year and are filled the year after: from 1 January the report of the
year just ended is open (`open_year`), and it is due by IMPACT_REPORTS_DUE (month-day of the
following year, "06-30" by default). Dates are Paris dates (timezone.localdate).
"""

import datetime

from django.conf import settings
from django.utils import timezone


def today():
    return timezone.localdate()


def open_year(on=None):
    """The year whose report the associations fill now: the last full calendar year."""
    return (on or today()).year - 1


def due_date(year):
    """The day by which the report of `year` is expected."""
    month, day = (int(part) for part in settings.IMPACT_REPORTS_DUE.split("-"))
    return datetime.date(year + 1, month, day)
