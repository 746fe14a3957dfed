"""Helpers of the coordination's tests (their fixtures are in conftest.py)."""

import datetime
import zoneinfo

from django.utils import timezone

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def paris_noon(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=PARIS)
