"""`manage.py send_impact_reminders`: the member associations whose report of the open year
is missing, a draft or sent back get an email (to their people acting today) saying what is
expected and by when, at most every IMPACT_REMINDER_DAYS days; each reminder is recorded."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from extranet.impact import years
from extranet.impact.models import ReportReminder, Status
from portal.dates import long_date
from tests.extranet.impact.review_helpers import people, report_of, season_day
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_the_season(time_machine):
    time_machine.move_to(season_day(), tick=False)


def remind(*options):
    out = io.StringIO()
    call_command("send_impact_reminders", *options, stdout=out)
    return out.getvalue()


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def test_a_member_association_without_a_report_is_reminded(association, mailoutbox):
    persons = people(association)

    remind()

    assert recipients(mailoutbox) == sorted(person.email for person in persons)


def test_the_reminder_says_which_report_and_by_when(association, mailoutbox):
    people(association, 1)
    year = years.open_year()

    remind()

    (message,) = mailoutbox
    due = long_date(years.due_date(year))
    assert f"Rapport d'impact {year} attendu" in message.subject
    assert due in message.body
    assert "http://testserver/" in message.body


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED])
def test_an_unfinished_report_is_reminded(association, mailoutbox, status):
    people(association, 1)
    report_of(association, status=status, review_comment="Les heures ?")

    remind()

    assert len(mailoutbox) == 1


def test_a_report_sent_back_is_reminded_with_what_to_correct(association, mailoutbox):
    people(association, 1)
    report_of(association, status=Status.RETURNED, review_comment="Les heures ?")

    remind()

    assert "Les heures ?" in mailoutbox[0].body


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.VALIDATED])
def test_a_report_submitted_or_validated_is_not_reminded(association, mailoutbox, status):
    people(association, 1)
    report_of(association, status=status)

    remind()

    assert mailoutbox == []
    assert not ReportReminder.objects.exists()


def test_a_report_of_another_year_does_not_count(association, mailoutbox):
    people(association, 1)
    report_of(association, year=years.open_year() - 1, status=Status.VALIDATED)

    remind()

    assert len(mailoutbox) == 1


def test_an_association_that_is_not_a_member_is_not_reminded(mailoutbox):
    people(AssociationFactory(is_member=False), 1)
    people(AssociationFactory(is_member=True, dissolved_on=timezone.localdate()), 1)

    remind()

    assert mailoutbox == []


def test_each_association_reminded_is_recorded_with_its_number_of_people(
    association, neighbour
):
    people(association, 2)
    people(neighbour, 1)

    remind()

    assert sorted(ReportReminder.objects.values_list(
        "association__name", "year", "recipients")) == [
        (association.name, years.open_year(), 2), (neighbour.name, years.open_year(), 1)]


def reminded_days_ago(association, days):
    ReportReminder.objects.create(
        association=association, year=years.open_year(),
        sent_at=timezone.now() - datetime.timedelta(days=days))


def test_an_association_reminded_recently_is_not_reminded_again(
    association, mailoutbox, settings
):
    settings.IMPACT_REMINDER_DAYS = 14
    people(association, 1)
    reminded_days_ago(association, 13)

    remind()

    assert mailoutbox == []


def test_an_association_is_reminded_again_after_the_reminder_days(
    association, mailoutbox, settings
):
    settings.IMPACT_REMINDER_DAYS = 14
    people(association, 1)
    reminded_days_ago(association, 15)

    remind()

    assert len(mailoutbox) == 1
    assert ReportReminder.objects.filter(association=association).count() == 2


def test_running_twice_reminds_once(association, mailoutbox):
    people(association, 1)

    remind()
    remind()

    assert len(mailoutbox) == 1


def test_a_reminder_of_another_year_does_not_hold_this_one_back(association, mailoutbox):
    people(association, 1)
    ReportReminder.objects.create(association=association, year=years.open_year() - 1)

    remind()

    assert len(mailoutbox) == 1


def test_an_association_with_nobody_to_write_to_is_not_recorded(association, mailoutbox):
    output = remind()

    assert mailoutbox == []
    assert not ReportReminder.objects.exists()
    assert f"{association.name} : personne à qui écrire" in output


def test_a_dry_run_lists_without_sending_nor_recording(association, mailoutbox):
    people(association, 2)

    output = remind("--dry-run")

    assert mailoutbox == []
    assert not ReportReminder.objects.exists()
    assert f"- {association.name} : 2 personne(s)" in output


def test_after_the_due_date_the_reminder_says_it_is_late(
    association, mailoutbox, time_machine
):
    people(association, 1)
    late = years.due_date(years.open_year()) + datetime.timedelta(days=1)
    time_machine.move_to(datetime.datetime.combine(late, datetime.time(10, 0),
                                                   tzinfo=season_day().tzinfo), tick=False)

    remind()

    assert "dès que possible" in mailoutbox[0].body
