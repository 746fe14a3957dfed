"""Coordinators manage associations in the Wagtail admin; nobody there deletes one."""

import pytest
from django.urls import reverse

from directory.models import Association
from portal.editorial import setup_editorial_roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(client, home_page):
    roles = setup_editorial_roles()
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


def test_a_coordinator_finds_an_association_by_its_rna_number(client, coordinator):
    Association.objects.create(name="Jardins partagés de Vaires", rna_id="W771000002")
    Association.objects.create(name="Comité des fêtes", rna_id="W771000007")

    response = client.get("/admin/snippets/directory/association/", {"q": "W771000002"})

    assert response.status_code == 200
    assert "Jardins partagés de Vaires" in response.text
    assert "Comité des fêtes" not in response.text


def test_a_coordinator_edits_an_association_in_french(client, coordinator):
    association = Association.objects.create(name="Jardins partagés", rna_id="W771000002")

    response = client.get(f"/admin/snippets/directory/association/edit/{association.pk}/")

    assert response.status_code == 200
    assert "Présentation écrite par l&#x27;association" in response.text
    assert "Coordonnées" in response.text


def test_the_admin_refuses_a_wrong_siret_and_keeps_what_was_typed(client, coordinator):
    association = Association.objects.create(name="Jardins partagés", rna_id="W771000002")

    response = client.post(
        f"/admin/snippets/directory/association/edit/{association.pk}/",
        {"name": "Jardins partagés de Vaires", "rna_id": "W771000002", "siret": "12345678901234",
         "grouping": "simple", "published": "on"},
    )

    assert response.status_code == 200
    assert "clé doit être juste" in response.text
    assert "Jardins partagés de Vaires" in response.text
    association.refresh_from_db()
    assert association.name == "Jardins partagés"


def test_a_coordinator_cannot_delete_an_association(client, coordinator):
    association = Association.objects.create(name="Jardins partagés", rna_id="W771000002")

    response = client.post(f"/admin/snippets/directory/association/delete/{association.pk}/")

    assert response.status_code in (302, 403)
    assert Association.objects.filter(pk=association.pk).exists()


def test_an_anonymous_visitor_cannot_see_the_directory_admin(client, home_page):
    response = client.get("/admin/snippets/directory/association/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
