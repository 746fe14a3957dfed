"""What the tests of the coordinators' review and of the reminders share: a day of the
reporting season (the clock is frozen on it), and reports of the open year."""

import datetime
import zoneinfo

from django.utils import timezone

from extranet.impact import years
from extranet.impact.models import Status
from tests.factories import MembershipFactory
from tests.factories.impact import ImpactReportFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def season_day():
    """1 March of this year, 10:00 in Paris: the open year's report is due in a few
    months."""
    return datetime.datetime(timezone.localdate().year, 3, 1, 10, 0, tzinfo=PARIS)


def report_of(association, status=Status.SUBMITTED, year=None, **fields):
    """The association's report of the open year (or of `year`), with one activity."""
    return ImpactReportFactory(association=association, year=year or years.open_year(),
                               status=status, with_activity=True, **fields)


def people(association, number=2):
    return [membership.person for membership in
            MembershipFactory.create_batch(number, association=association)]
