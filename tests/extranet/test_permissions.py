"""extranet.permissions: who may change which association, and what the home page lists."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet import permissions
from extranet.accounts.models import Role
from extranet.accounts.services import end_membership
from tests.factories import AssociationFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def edit_url(association):
    return reverse("extranet:association_edit", kwargs={"slug": association.slug})


def test_representative_of_one_association_cannot_change_its_neighbour(
    client, representative, neighbour
):
    client.force_login(representative)

    response = client.get(edit_url(neighbour))

    assert response.status_code == 403
    assert "Accès refusé" in response.text


def test_representative_changes_their_own_association(client, representative, association):
    client.force_login(representative)

    assert client.get(edit_url(association)).status_code == 200


def test_coordinator_may_change_every_association(coordinator, association, neighbour):
    assert permissions.can_edit_association(coordinator, association)
    assert permissions.can_edit_association(coordinator, neighbour)


def test_an_ended_representative_may_no_longer_change_the_association(
    representative, association
):
    today = timezone.localdate()
    membership = representative.memberships.get()
    membership.starts_on = today - datetime.timedelta(days=400)
    membership.save()

    end_membership(membership, by=None, on=today - datetime.timedelta(days=1))
    permissions.forget(representative)

    assert not permissions.can_edit_association(representative, association)
    assert not permissions.is_member(representative)


def test_a_superuser_is_not_a_member_by_default(django_user_model):
    superuser = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")

    assert not permissions.is_member(superuser)


def test_unknown_association_is_not_found_for_a_coordinator(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("extranet:association_edit", kwargs={"slug": "inconnue"}))

    assert response.status_code == 404


def test_permissions_are_read_once_per_request(representative, association,
                                               django_assert_num_queries):
    # The memberships, then the associations coordinating today (extranet.accounts.
    # coordination): each read once.
    with django_assert_num_queries(2):
        permissions.is_member(representative)
        permissions.role_in(representative, association)
        permissions.can_edit_association(representative, association)
        permissions.is_coordinator(representative)
        permissions.is_coordinator(representative)


def test_home_lists_my_associations_with_my_role_in_each(client, association, neighbour):
    person = PersonFactory()
    MembershipFactory(person=person, association=association, role=Role.REPRESENTATIVE)
    MembershipFactory(person=person, association=neighbour, role=Role.MEMBER)
    client.force_login(person)

    response = client.get(reverse("extranet:home"))

    assert "Entraide et partage chellois" in response.text
    assert "Les Jardins partagés de Vaires" in response.text
    assert "Mon rôle : représentant·e" in response.text
    assert "Mon rôle : membre" in response.text
    assert response.text.count("Modifier la fiche publique") == 1
    assert edit_url(association) in response.text


def home_queries(client, person):
    """How many queries the home page runs for `person`."""
    client.force_login(person)
    client.get(reverse("extranet:home"))  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("extranet:home"))
    assert response.status_code == 200
    return len(queries)


def test_home_runs_the_same_number_of_queries_for_one_or_five_associations(client):
    one, five = PersonFactory(), PersonFactory()
    MembershipFactory(person=one)
    for _index in range(5):
        MembershipFactory(person=five, association=AssociationFactory())

    assert home_queries(client, one) == home_queries(client, five)
