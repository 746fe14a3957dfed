"""Coordinators change roles and end memberships from the extranet; every change is
recorded with who made it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.accounts.models import Membership, Role, RoleChange
from extranet.accounts.services import add_membership
from tests.factories import AssociationFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db
LIST = reverse("extranet:memberships")


def edit_url(membership):
    return reverse("extranet:membership_edit", args=[membership.pk])


@pytest.fixture
def membership(association):
    return MembershipFactory(association=association, role=Role.MEMBER)


def test_a_coordinator_makes_a_member_the_representative_and_it_is_recorded(
    client, coordinator, membership
):
    client.force_login(coordinator)

    response = client.post(edit_url(membership), {"role": Role.REPRESENTATIVE})

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.REPRESENTATIVE
    change = membership.role_changes.first()
    assert (change.old_role, change.new_role, change.changed_by) == (
        Role.MEMBER, Role.REPRESENTATIVE, coordinator)


def test_a_second_representative_is_refused_with_the_reason(
    client, coordinator, representative, membership
):
    client.force_login(coordinator)

    response = client.post(edit_url(membership), {"role": Role.REPRESENTATIVE})

    assert response.status_code == 200
    assert "déjà un·e représentant·e" in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def test_a_coordinator_ends_a_membership_without_deleting_it(client, coordinator, membership):
    client.force_login(coordinator)
    today = timezone.localdate()

    client.post(edit_url(membership), {"role": Role.MEMBER, "ends_on": today.isoformat()})

    membership.refresh_from_db()
    assert membership.ends_on == today
    assert membership.role_changes.filter(new_role="").exists()


def test_an_end_before_the_start_is_refused(client, coordinator, membership):
    client.force_login(coordinator)
    before = membership.starts_on - datetime.timedelta(days=1)

    response = client.post(edit_url(membership), {"role": Role.MEMBER,
                                                  "ends_on": before.isoformat()})

    assert response.context["form"].errors["ends_on"]
    membership.refresh_from_db()
    assert membership.ends_on is None


def test_a_representative_cannot_change_the_roles_of_their_own_association(
    client, representative, membership
):
    client.force_login(representative)

    response = client.post(edit_url(membership), {"role": Role.COORDINATOR})

    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER
    assert not RoleChange.objects.filter(new_role=Role.COORDINATOR).exists()


def test_an_ended_membership_cannot_be_changed_any_more(client, coordinator, association):
    last_year = timezone.localdate() - datetime.timedelta(days=365)
    ended = MembershipFactory(association=association, starts_on=last_year,
                              ends_on=last_year + datetime.timedelta(days=30))
    client.force_login(coordinator)

    assert client.get(edit_url(ended)).status_code == 404


def test_the_list_shows_current_memberships_and_the_latest_changes(
    client, coordinator, association
):
    membership = add_membership(PersonFactory(), association, Role.MEMBER, by=coordinator)
    client.force_login(coordinator)

    response = client.get(LIST)

    assert membership in response.context["page"]
    assert [change.membership for change in response.context["changes"]] == [membership]
    assert membership.person_name in response.content.decode()


def test_the_list_reads_as_many_queries_for_40_memberships_as_for_4(
    client, coordinator, django_assert_max_num_queries
):
    client.force_login(coordinator)
    MembershipFactory.create_batch(3, association=AssociationFactory())
    with django_assert_max_num_queries(25) as few:
        client.get(LIST)
    MembershipFactory.create_batch(36, association=AssociationFactory())

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)

    assert response.context["page"].paginator.count == Membership.objects.current().count()
