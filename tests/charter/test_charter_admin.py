"""The charter's versions and signatures in the Wagtail admin: versions read only,
signatures added by hand, never changed nor deleted."""

import pytest

from charter.models import CharterSignature
from portal.editorial import setup_editorial_roles
from tests.factories import AssociationFactory, UserFactory
from tests.factories.charter import ADOPTED_ON, CharterPageFactory, CharterSignatureFactory

pytestmark = pytest.mark.django_db

VERSIONS = "/admin/snippets/charter/charterversion/"
SIGNATURES = "/admin/snippets/charter/chartersignature/"


@pytest.fixture
def coordinator(client, home_page):
    roles = setup_editorial_roles()
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


@pytest.fixture
def version(home_page):
    return CharterPageFactory(parent=home_page).versions.get()


def test_a_coordinator_reads_the_versions_of_the_charter(client, coordinator, version):
    response = client.get(VERSIONS)

    assert response.status_code == 200
    assert "Charte, version 1" in response.text
    assert "Assemblée générale constitutive du 14 mars 2026" in response.text


def test_nobody_edits_a_version_in_the_admin_not_even_a_superuser(admin_client, version):
    assert admin_client.get(f"{VERSIONS}edit/{version.pk}/").status_code in (302, 403)
    assert admin_client.get(f"{VERSIONS}add/").status_code in (302, 403)
    assert admin_client.get(f"{VERSIONS}delete/{version.pk}/").status_code in (302, 403)


def test_a_coordinator_adds_a_signature_by_hand_and_is_recorded_as_its_author(
        client, coordinator, version):
    association = AssociationFactory(name="Accueil des exilés en Brie")

    response = client.post(f"{SIGNATURES}add/", {
        "association": association.pk, "version": version.pk, "signed_on": "2026-03-20"})

    assert response.status_code == 302
    signature = CharterSignature.objects.get()
    assert signature.association == association
    assert signature.recorded_by == coordinator


def test_a_signature_dated_before_the_version_was_adopted_is_refused_in_the_admin(
        client, coordinator, version):
    response = client.post(f"{SIGNATURES}add/", {
        "association": AssociationFactory().pk, "version": version.pk,
        "signed_on": "2026-01-02"})

    assert response.status_code == 200
    assert "elle ne peut pas avoir été signée avant" in response.text
    assert not CharterSignature.objects.exists()


def test_nobody_changes_or_deletes_a_signature_in_the_admin(admin_client, version):
    signature = CharterSignatureFactory(version=version, signed_on=ADOPTED_ON)

    assert admin_client.get(f"{SIGNATURES}edit/{signature.pk}/").status_code in (302, 403)
    assert admin_client.post(f"{SIGNATURES}delete/{signature.pk}/").status_code in (302, 403)
    assert CharterSignature.objects.filter(pk=signature.pk).exists()


def test_the_signatures_list_finds_an_association_by_name(client, coordinator, version):
    CharterSignatureFactory(version=version, association__name="Jardins partagés de Vaires")
    CharterSignatureFactory(version=version, association__name="Comité des fêtes")

    response = client.get(SIGNATURES, {"q": "Jardins"})

    assert "Jardins partagés de Vaires" in response.text
    assert "Comité des fêtes" not in response.text
