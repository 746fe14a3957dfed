"""A recurring meeting keeps its Paris hour all year: its occurrences are computed in Paris
time, stored in UTC, one row each."""

import datetime

import pytest

from events.models import Occurrence, Recurrence
from tests.events.conftest import paris, utc
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def starts(event):
    return list(Occurrence.objects.filter(event=event).values_list("starts_at", flat=True))


def test_a_monthly_meeting_keeps_19_h_paris_time_across_the_change_to_summer_time(agenda):
    meeting = EventPageFactory(
        parent=agenda, starts_at=paris(2027, 1, 12, 19), ends_at=paris(2027, 1, 12, 21),
        recurrence=Recurrence.MONTHLY, recurrence_until=datetime.date(2027, 6, 30),
    )

    occurrences = starts(meeting)

    # The 2nd Tuesday of each month; Paris is UTC+1 until the last Sunday of March.
    assert occurrences[2] == utc(2027, 3, 9, 18)
    assert occurrences[3] == utc(2027, 4, 13, 17)
    assert len(occurrences) == 6


def test_a_monthly_meeting_ends_two_hours_after_each_start(agenda):
    meeting = EventPageFactory(
        parent=agenda, starts_at=paris(2027, 1, 12, 19), ends_at=paris(2027, 1, 12, 21),
        recurrence=Recurrence.MONTHLY, recurrence_until=datetime.date(2027, 6, 30),
    )

    for occurrence in Occurrence.objects.filter(event=meeting):
        assert occurrence.ends_at - occurrence.starts_at == datetime.timedelta(hours=2)


def test_a_weekly_meeting_stops_at_its_until_date(agenda):
    meeting = EventPageFactory(
        parent=agenda, starts_at=paris(2027, 3, 1, 18), ends_at=paris(2027, 3, 1, 20),
        recurrence=Recurrence.WEEKLY, recurrence_until=datetime.date(2027, 3, 29),
    )

    occurrences = starts(meeting)

    assert len(occurrences) == 5
    assert occurrences[-1] == utc(2027, 3, 29, 16)  # summer time since the 28th


def test_a_single_event_has_one_occurrence(agenda):
    event = EventPageFactory(parent=agenda, starts_at=paris(2027, 5, 4, 9),
                             ends_at=paris(2027, 5, 4, 17))

    assert starts(event) == [utc(2027, 5, 4, 7)]


def test_moving_an_event_moves_its_occurrence(agenda):
    event = EventPageFactory(parent=agenda, starts_at=paris(2027, 5, 4, 9),
                             ends_at=paris(2027, 5, 4, 17))

    event.starts_at, event.ends_at = paris(2027, 5, 11, 9), paris(2027, 5, 11, 17)
    event.save()

    assert starts(event) == [utc(2027, 5, 11, 7)]
