"""The extranet's home tells an association's people while the year's dues are not paid
(from the day the dues are called), and its menu leads to the dues; a coordinator's menu
also leads to the treasurer's list."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories.dues import DuesFactory

pytestmark = pytest.mark.django_db

NOTICE = "n'est pas encore réglée"


@pytest.fixture(autouse=True)
def dues_called(settings):
    """The year's dues are called from 1 January, whatever the date of the run."""
    settings.DUES_CALL_DATE = "01-01"


def home(client, person):
    client.force_login(person)
    return client.get(reverse("extranet:home")).content.decode()


def test_the_home_tells_of_the_dues_not_paid_yet(client, member, association):
    DuesFactory(association=association, year=timezone.localdate().year)

    content = home(client, member)

    assert NOTICE in content
    assert association.name in content.split(NOTICE)[1]


def test_the_home_tells_of_the_dues_not_declared_yet(client, member, association):
    assert NOTICE in home(client, member)


def test_the_home_says_nothing_once_the_dues_are_paid(client, member, association):
    DuesFactory(association=association, year=timezone.localdate().year, paid=True)

    assert NOTICE not in home(client, member)


def test_the_home_says_nothing_before_the_dues_are_called(client, member, association,
                                                          settings):
    settings.DUES_CALL_DATE = "03-01"
    with time_machine.travel(datetime.datetime(timezone.localdate().year, 2, 10, 12,
                                               tzinfo=datetime.UTC)):
        assert NOTICE not in home(client, member)


def test_the_home_says_nothing_of_an_association_that_left_the_collective(
        client, member, association):
    association.is_member = False
    association.save()

    assert NOTICE not in home(client, member)


def test_the_menu_leads_to_the_dues(client, member):
    assert f'href="{reverse("extranet:dues_home")}"' in home(client, member)


def test_only_a_coordinators_menu_leads_to_the_treasurers_list(client, member, coordinator):
    assert f'href="{reverse("extranet:dues_list")}"' not in home(client, member)
    assert f'href="{reverse("extranet:dues_list")}"' in home(client, coordinator)
