"""`manage.py send_dues_reminders`: from the call date of the year on, the member
associations whose dues are undeclared or unpaid get an email (to their people acting today),
at most every DUES_REMINDER_DAYS days; the paid ones never."""

import datetime
import io
import zoneinfo

import pytest
from django.core.management import call_command

from extranet.dues.models import DuesReminder
from tests.factories import AssociationFactory, MembershipFactory
from tests.factories.dues import DuesFactory

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def year():
    return datetime.date.today().year


@pytest.fixture(autouse=True)
def after_the_call(time_machine, year):
    """1 March of this year, 10:00 in Paris: the dues are called (15 January)."""
    time_machine.move_to(datetime.datetime(year, 3, 1, 10, tzinfo=PARIS), tick=False)


def remind(*options):
    out = io.StringIO()
    call_command("send_dues_reminders", *options, stdout=out)
    return out.getvalue()


def people(association, number=2):
    return [MembershipFactory(association=association).person for _ in range(number)]


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def test_a_paid_association_is_not_reminded(association, year, mailoutbox):
    people(association)
    DuesFactory(association=association, year=year, paid=True)

    remind()

    assert mailoutbox == []
    assert not DuesReminder.objects.exists()


def test_an_unpaid_association_is_reminded_with_its_amount(association, year, mailoutbox):
    persons = people(association)
    DuesFactory(association=association, year=year, amount=80)

    remind()

    assert recipients(mailoutbox) == sorted(person.email for person in persons)
    assert "80 €" in mailoutbox[0].body
    assert f"Cotisation {year} à régler" in mailoutbox[0].subject


def test_an_association_that_has_not_declared_is_reminded_to_declare(association, year,
                                                                      mailoutbox):
    people(association, 1)

    remind()

    (message,) = mailoutbox
    assert f"Cotisation {year} à déclarer" in message.subject
    assert "http://testserver/extranet/cotisations/" in message.body


def test_only_the_unpaid_among_paid_ones_are_reminded(association, neighbour, year,
                                                      mailoutbox):
    people(association, 1)
    (neighbour_person,) = people(neighbour, 1)
    DuesFactory(association=association, year=year, paid=True)

    remind()

    assert recipients(mailoutbox) == [neighbour_person.email]


def test_an_association_is_not_reminded_twice_within_the_period(association, mailoutbox,
                                                                time_machine):
    people(association, 1)
    remind()
    time_machine.shift(datetime.timedelta(days=29))

    remind()

    assert len(mailoutbox) == 1


def test_an_association_is_reminded_again_after_the_period(association, mailoutbox,
                                                           time_machine):
    people(association, 1)
    remind()
    time_machine.shift(datetime.timedelta(days=31))

    remind()

    assert len(mailoutbox) == 2


def test_the_reminder_is_recorded(association, year):
    people(association, 2)

    remind()

    reminder = DuesReminder.objects.get()
    assert (reminder.association, reminder.year, reminder.recipients) == (association, year, 2)


def test_a_dry_run_sends_nothing_and_records_nothing(association, mailoutbox):
    people(association, 1)

    output = remind("--dry-run")

    assert association.name in output
    assert mailoutbox == []
    assert not DuesReminder.objects.exists()


def test_nobody_is_reminded_before_the_call_date(association, year, mailoutbox,
                                                 time_machine):
    people(association, 1)
    time_machine.move_to(datetime.datetime(year, 1, 14, 10, tzinfo=PARIS), tick=False)

    output = remind()

    assert mailoutbox == []
    assert "pas de relance avant le 15/01" in output


def test_an_association_that_is_no_longer_a_member_is_not_reminded(mailoutbox):
    people(AssociationFactory(is_member=False), 1)

    remind()

    assert mailoutbox == []


def test_the_year_may_be_chosen(association, year, mailoutbox):
    people(association, 1)
    DuesFactory(association=association, year=year - 1, paid=True)

    remind("--year", str(year - 1))

    assert mailoutbox == []
