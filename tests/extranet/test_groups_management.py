"""Coordinators create, change and archive working groups; nobody else does."""

import pytest
from django.urls import reverse

from extranet.groups.models import WorkingGroup
from tests.factories import AssociationFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("extranet:group_create")


def edit_url(group):
    return reverse("extranet:group_edit", kwargs={"group_slug": group.slug})


def test_a_coordinator_creates_a_group(client, coordinator, association):
    client.force_login(coordinator)

    response = client.post(CREATE_URL, {
        "name": "Accès aux droits", "description": "Recenser les permanences.",
        "lead_association": association.pk,
    })

    group = WorkingGroup.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("extranet:group_detail",
                                   kwargs={"group_slug": "acces-aux-droits"})
    assert (group.lead_association, group.archived_on) == (association, None)


def test_a_member_cannot_create_a_group(client, member, association):
    client.force_login(member)

    response = client.post(CREATE_URL, {"name": "Accès aux droits",
                                        "lead_association": association.pk})

    assert response.status_code == 403
    assert not WorkingGroup.objects.exists()


def test_only_a_member_association_leads_a_group(client, coordinator):
    outsider = AssociationFactory(is_member=False)
    client.force_login(coordinator)

    response = client.post(CREATE_URL, {"name": "Accès aux droits",
                                        "lead_association": outsider.pk})

    assert response.status_code == 200
    assert not WorkingGroup.objects.exists()
    assert outsider.name not in response.text


def test_a_group_called_like_the_creation_page_gets_another_address(
    client, coordinator, association
):
    client.force_login(coordinator)

    client.post(CREATE_URL, {"name": "Nouveau", "lead_association": association.pk})

    assert WorkingGroup.objects.get().slug == "nouveau-2"


def test_a_coordinator_archives_a_group_and_it_keeps_its_address(
    client, coordinator, association
):
    group = WorkingGroupFactory(name="Accès aux droits", lead_association=association)
    client.force_login(coordinator)

    client.post(edit_url(group), {
        "name": "Accès aux droits (2024-2025)", "description": group.description,
        "lead_association": association.pk, "archived_on": "2026-01-31",
    })

    group.refresh_from_db()
    assert group.is_archived
    assert (group.name, group.slug) == ("Accès aux droits (2024-2025)", "acces-aux-droits")


def test_the_lead_association_cannot_change_its_group(client, representative, association):
    group = WorkingGroupFactory(lead_association=association)
    client.force_login(representative)

    response = client.post(edit_url(group), {"name": "Autre nom",
                                             "lead_association": association.pk})

    assert response.status_code == 403
    group.refresh_from_db()
    assert group.name != "Autre nom"
