"""The receipt of a paid dues: a printable page for the association's people and the
coordinators, naming the collective, the association, the year, the amount, the payment."""

import pytest
from django.urls import reverse

from portal.models import SiteSettings
from tests.factories.dues import DuesFactory

pytestmark = pytest.mark.django_db


def receipt_url(dues):
    return reverse("extranet:dues_receipt", args=[dues.pk])


@pytest.fixture
def paid(association, year):
    association.address = "3 rue des Lilas"
    association.save()
    return DuesFactory(association=association, year=year - 1, paid=True,
                       amount=80, budget=25000)


def test_the_receipt_names_its_number_the_association_and_the_sum(client, member, paid):
    client.force_login(member)

    response = client.get(receipt_url(paid))

    assert response.status_code == 200
    assert f"Reçu de cotisation n° {paid.receipt_number}" in response.text
    assert paid.association.rna_id in response.text
    assert "3 rue des Lilas" in response.text
    assert "reconnaît avoir reçu" in response.text
    assert "la somme de 80 €" in response.text


def test_the_receipt_names_the_collective_and_its_address(client, member, paid, site):
    settings = SiteSettings.for_site(site)
    settings.postal_address = "12 place de la République\n77500 Chelles"
    settings.save()
    client.force_login(member)

    response = client.get(receipt_url(paid))

    assert "12 place de la République" in response.text


def test_the_receipt_is_not_a_tax_receipt(client, member, paid):
    client.force_login(member)

    response = client.get(receipt_url(paid))

    assert "Cerfa" not in response.text
    assert "fiscal" not in response.text


def test_an_unpaid_dues_has_no_receipt(client, member, association, year):
    dues = DuesFactory(association=association, year=year)
    client.force_login(member)

    assert client.get(receipt_url(dues)).status_code == 404


def test_the_people_of_another_association_do_not_see_the_receipt(client, member, neighbour,
                                                                  year):
    other = DuesFactory(association=neighbour, year=year - 1, paid=True)
    client.force_login(member)

    assert client.get(receipt_url(other)).status_code == 403


def test_a_coordinator_sees_any_receipt(client, coordinator, paid):
    client.force_login(coordinator)

    assert client.get(receipt_url(paid)).status_code == 200
