"""Memberships: their rules (in the database and in clean()), and their history."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from extranet.accounts.models import Membership, Role, RoleChange
from extranet.accounts.services import add_membership, change_role, end_membership
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_changing_a_role_records_who_changed_it_and_when(association):
    membership = MembershipFactory(association=association, role=Role.MEMBER)
    coordinator = PersonFactory()
    before = timezone.now()

    change = change_role(membership, Role.REPRESENTATIVE, by=coordinator)

    membership.refresh_from_db()
    assert membership.role == Role.REPRESENTATIVE
    assert (change.old_role, change.new_role) == (Role.MEMBER, Role.REPRESENTATIVE)
    assert change.changed_by == coordinator
    assert change.changed_at >= before


def test_adding_and_ending_a_membership_are_in_its_history(association):
    person, coordinator = PersonFactory(), PersonFactory()

    membership = add_membership(person, association, Role.MEMBER, by=coordinator)
    end_membership(membership, by=coordinator)

    history = list(membership.role_changes.order_by("pk").values_list("old_role", "new_role"))
    assert history == [("", Role.MEMBER), (Role.MEMBER, "")]
    assert membership.created_by == coordinator


def test_an_ended_membership_is_kept_but_no_longer_current(association):
    last_month = timezone.localdate() - datetime.timedelta(days=30)
    membership = MembershipFactory(association=association, starts_on=last_month)

    end_membership(membership, by=None, on=timezone.localdate() - datetime.timedelta(days=1))

    assert Membership.objects.filter(pk=membership.pk).exists()
    assert not Membership.objects.current().filter(pk=membership.pk).exists()


def test_a_membership_starting_tomorrow_is_not_current_yet(association):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    membership = MembershipFactory(association=association, starts_on=tomorrow)

    assert not Membership.objects.current().filter(pk=membership.pk).exists()
    assert Membership.objects.current(on=tomorrow).filter(pk=membership.pk).exists()


def test_database_refuses_a_second_current_representative(association):
    MembershipFactory(association=association, role=Role.REPRESENTATIVE)

    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(association=association, role=Role.REPRESENTATIVE)


def test_clean_refuses_a_second_current_representative_with_a_clear_message(association):
    MembershipFactory(association=association, role=Role.REPRESENTATIVE)
    second = Membership(person=PersonFactory(), association=association,
                        role=Role.REPRESENTATIVE)

    with pytest.raises(ValidationError) as error:
        second.full_clean()

    assert "a déjà un·e représentant·e" in str(error.value)


def test_clean_refuses_a_representative_overlapping_one_whose_term_has_an_end(association):
    today = timezone.localdate()
    MembershipFactory(association=association, role=Role.REPRESENTATIVE,
                      ends_on=today + datetime.timedelta(days=30))
    second = Membership(person=PersonFactory(), association=association,
                        role=Role.REPRESENTATIVE)

    with pytest.raises(ValidationError) as error:
        second.full_clean()

    assert list(error.value.message_dict) == ["role"]


def test_a_new_representative_may_follow_the_previous_term(association):
    today = timezone.localdate()
    MembershipFactory(association=association, role=Role.REPRESENTATIVE,
                      starts_on=today - datetime.timedelta(days=400),
                      ends_on=today - datetime.timedelta(days=1))

    add_membership(PersonFactory(), association, Role.REPRESENTATIVE, by=None)

    assert association.memberships.filter(role=Role.REPRESENTATIVE).count() == 2


def test_promoting_a_member_while_the_association_has_a_representative_is_refused(
    association,
):
    MembershipFactory(association=association, role=Role.REPRESENTATIVE)
    membership = MembershipFactory(association=association, role=Role.MEMBER)

    with pytest.raises(ValidationError):
        change_role(membership, Role.REPRESENTATIVE, by=None)

    membership.refresh_from_db()
    assert membership.role == Role.MEMBER
    assert not RoleChange.objects.filter(membership=membership, new_role=Role.REPRESENTATIVE)


def test_one_person_has_one_current_membership_per_association(association):
    membership = MembershipFactory(association=association)

    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(association=association, person=membership.person)


def test_a_membership_cannot_end_before_it_starts(association):
    today = timezone.localdate()
    membership = Membership(person=PersonFactory(), association=association,
                            starts_on=today, ends_on=today - datetime.timedelta(days=1))

    with pytest.raises(ValidationError) as error:
        membership.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        membership.save()

    assert "ne peut pas précéder" in str(error.value)


def test_an_association_becomes_a_member_of_the_collective_with_its_first_membership():
    from tests.factories import AssociationFactory

    association = AssociationFactory(is_member=False)

    add_membership(PersonFactory(), association, Role.REPRESENTATIVE, by=None)

    association.refresh_from_db()
    assert association.is_member


def test_an_association_stops_being_a_member_when_its_last_membership_ends():
    from tests.factories import AssociationFactory

    association = AssociationFactory(is_member=False)
    membership = add_membership(PersonFactory(), association, Role.MEMBER, by=None,
                                starts_on=timezone.localdate() - datetime.timedelta(days=30))

    end_membership(membership, by=None, on=timezone.localdate() - datetime.timedelta(days=1))

    association.refresh_from_db()
    assert not association.is_member


def test_the_daily_refresh_follows_memberships_that_end_by_date(client):
    import io

    from django.core.management import call_command

    from tests.factories import AssociationFactory

    association = AssociationFactory(is_member=False)
    membership = add_membership(PersonFactory(), association, Role.MEMBER, by=None,
                                starts_on=timezone.localdate() - datetime.timedelta(days=30))
    Membership.objects.filter(pk=membership.pk).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    other_member = AssociationFactory(is_member=True)  # nobody acts for it

    call_command("refresh_member_associations", stdout=io.StringIO())

    association.refresh_from_db()
    other_member.refresh_from_db()
    assert not association.is_member
    assert not other_member.is_member
