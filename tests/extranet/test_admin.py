"""Memberships in the Wagtail admin: saved through the services, never deleted."""

import pytest
from django.urls import reverse

from extranet.accounts.models import Membership, Role, RoleChange
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x")


def test_membership_added_in_the_admin_records_who_added_it(client, superuser, association):
    person = PersonFactory()
    client.force_login(superuser)

    response = client.post(reverse("wagtailsnippets_accounts_membership:add"), {
        "person": person.pk, "association": association.pk, "role": Role.MEMBER,
        "starts_on": "2026-01-05", "ends_on": "",
    })

    assert response.status_code == 302
    change = RoleChange.objects.get(membership__person=person)
    assert (change.new_role, change.changed_by) == (Role.MEMBER, superuser)


def test_role_changed_in_the_admin_is_in_the_history(client, superuser, association):
    membership = MembershipFactory(association=association, starts_on="2026-01-05")
    client.force_login(superuser)

    client.post(reverse("wagtailsnippets_accounts_membership:edit", args=[membership.pk]), {
        "person": membership.person.pk, "association": association.pk,
        "role": Role.REPRESENTATIVE, "starts_on": "2026-01-05", "ends_on": "",
    })

    change = RoleChange.objects.get(membership=membership)
    assert (change.old_role, change.new_role) == (Role.MEMBER, Role.REPRESENTATIVE)


def test_not_even_a_superuser_deletes_a_membership(client, superuser, association):
    membership = MembershipFactory(association=association)
    client.force_login(superuser)

    response = client.post(
        reverse("wagtailsnippets_accounts_membership:delete", args=[membership.pk])
    )

    assert response.status_code in (302, 403)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_role_changes_are_listed_read_only(client, superuser, association):
    MembershipFactory(association=association)
    client.force_login(superuser)

    listing = client.get(reverse("wagtailsnippets_accounts_rolechange:list"))
    add = client.get(reverse("wagtailsnippets_accounts_rolechange:add"))

    assert listing.status_code == 200
    assert add.status_code in (302, 403)


def test_an_editor_does_not_see_memberships(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_accounts_membership:list"))

    assert response.status_code in (302, 403)
