"""Dates and times in words, one way for the whole site (portal/dates.py): French typography
("mardi 1er décembre 2026 à 18 h 30"), English for English readers, in Paris time."""

import datetime
import zoneinfo

import pytest
from django.utils import translation

from portal import dates

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
EVENING = datetime.datetime(2026, 12, 8, 18, 30, tzinfo=PARIS)
FIRST = datetime.date(2026, 12, 1)


@pytest.fixture
def english():
    with translation.override("en"):
        yield


def test_a_date_reads_day_month_and_year():
    assert dates.long_date(EVENING) == "8 décembre 2026"


def test_the_first_of_the_month_reads_premier():
    assert dates.long_date(FIRST) == "1er décembre 2026"


def test_a_date_may_name_its_weekday():
    assert dates.weekday_date(FIRST) == "mardi 1er décembre 2026"


def test_an_hour_reads_the_french_way():
    assert dates.hour(EVENING) == "18 h 30"


def test_a_round_hour_has_no_minutes():
    assert dates.hour(EVENING.replace(minute=0)) == "18 h"


def test_a_moment_reads_its_date_and_hour():
    assert dates.weekday_date_hour(EVENING) == "mardi 8 décembre 2026 à 18 h 30"
    assert dates.date_hour(EVENING) == "8 décembre 2026 à 18 h 30"


def test_a_moment_is_read_in_paris_time():
    utc = EVENING.astimezone(datetime.UTC)

    assert dates.hour(utc) == "18 h 30"


def test_an_english_reader_reads_english(english):
    assert dates.weekday_date_hour(EVENING) == "Tuesday 8 December 2026 at 18:30"
    assert dates.long_date(FIRST) == "1 December 2026"


def test_nothing_reads_as_nothing():
    assert dates.long_date(None) == dates.hour(None) == dates.weekday_date_hour(None) == ""


def test_templates_write_dates_through_the_filters(rf):
    from django.template import Context, Template

    template = Template("{% load portal_tags %}{{ moment|weekday_date_hour }}")

    assert template.render(Context({"moment": EVENING})) == "mardi 8 décembre 2026 à 18 h 30"
