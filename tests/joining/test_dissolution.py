"""A dissolved association (the RNA import dates its dissolution) is no longer a member: the
daily `refresh_member_associations` ends its adhesion and its people's memberships on its
dissolution day."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory.models import Association
from joining.leaving import end_dissolved_adhesions
from joining.models import CollectiveMembership, EndReason
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def test_the_daily_command_ends_the_adhesion_of_a_dissolved_association(club, club_member):
    club.dissolved_on = days_ago(3)
    club.save()

    call_command("refresh_member_associations", stdout=io.StringIO())

    adhesion = CollectiveMembership.objects.get(association=club)
    assert (adhesion.ends_on, adhesion.end_reason) == (days_ago(3), EndReason.DISSOLVED)
    assert not Association.objects.members().filter(pk=club.pk).exists()


def test_its_people_lose_their_membership_on_the_same_day(club):
    membership = MembershipFactory(association=club, starts_on=days_ago(30))
    club.dissolved_on = days_ago(3)
    club.save()

    end_dissolved_adhesions()

    membership.refresh_from_db()
    assert membership.ends_on == days_ago(3)


def test_a_dissolution_before_the_adhesion_ends_it_on_its_first_day(club):
    adhesion = CollectiveMembership.objects.get(association=club)
    club.dissolved_on = adhesion.starts_on - datetime.timedelta(days=100)
    club.save()

    end_dissolved_adhesions()

    adhesion.refresh_from_db()
    assert adhesion.ends_on == adhesion.starts_on


def test_the_sweep_ends_each_adhesion_once(club):
    club.dissolved_on = days_ago(1)
    club.save()

    assert end_dissolved_adhesions() == 1
    assert end_dissolved_adhesions() == 0


def test_an_association_still_active_is_left_alone(club):
    assert end_dissolved_adhesions() == 0
    assert CollectiveMembership.objects.get(association=club).ends_on is None
