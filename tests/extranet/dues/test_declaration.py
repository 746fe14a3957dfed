"""The associations' dues page: declaring the annual budget (the representative or a
coordinator), the amount the year's scale gives, correcting it while unpaid, the history
of past years and the year's scale in words."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.dues import services
from extranet.dues.models import Dues
from tests.factories.dues import DuesFactory, scale

pytestmark = pytest.mark.django_db




def declare_url(association, year):
    return reverse("extranet:dues_declare", args=[association.pk, year])


def test_the_representative_declares_the_budget_and_gets_the_amount(
    client, representative, association, year, this_years_scale
):
    client.force_login(representative)

    response = client.post(declare_url(association, year), {"budget": "10000"})

    assert response.status_code == 302
    dues = Dues.objects.get(association=association, year=year)
    assert (dues.budget, dues.amount, dues.declared_by) == (Decimal("10000"), 80,
                                                           representative)


def test_a_plain_member_may_not_declare(client, member, association, year, this_years_scale):
    client.force_login(member)

    response = client.post(declare_url(association, year), {"budget": "10000"})

    assert response.status_code == 403
    assert not Dues.objects.exists()


def test_a_plain_member_sees_who_declares(client, member, association, this_years_scale):
    client.force_login(member)

    response = client.get(reverse("extranet:dues_home"))

    assert "C'est la personne qui représente l'association" in response.text
    assert 'name="budget"' not in response.text


def test_the_treasurer_declares_for_an_association(client, treasurer, association, year,
                                                   this_years_scale):
    client.force_login(treasurer)

    response = client.post(declare_url(association, year), {"budget": "60000"})

    assert response.url == f"{reverse('extranet:dues_list')}?annee={year}"
    assert Dues.objects.get(association=association, year=year).amount == 150


def test_without_a_scale_for_the_year_the_declaration_is_refused_with_a_message(
    client, representative, association, year
):
    client.force_login(representative)

    response = client.post(declare_url(association, year), {"budget": "10000"})

    assert response.status_code == 200
    assert "Aucun barème des cotisations" in response.text
    assert not Dues.objects.exists()


def test_an_unpaid_dues_declared_again_gets_its_amount_again(association, year,
                                                            this_years_scale):
    services.declare(association, year, Decimal("60000"))

    dues = services.declare(association, year, Decimal("9999.99"))

    assert (dues.budget, dues.amount) == (Decimal("9999.99"), 30)
    assert Dues.objects.count() == 1


def test_a_paid_dues_cannot_be_declared_again(client, representative, association, year,
                                              this_years_scale):
    DuesFactory(association=association, year=year, paid=True)
    client.force_login(representative)

    response = client.post(declare_url(association, year), {"budget": "500000"})

    assert response.status_code == 200
    assert Dues.objects.get().amount == 80


def test_a_negative_budget_is_refused(client, representative, association, year,
                                      this_years_scale):
    client.force_login(representative)

    response = client.post(declare_url(association, year), {"budget": "-5"})

    assert response.status_code == 200
    assert not Dues.objects.exists()


def test_a_representative_may_not_declare_a_past_year(client, representative, association,
                                                      year, this_years_scale):
    client.force_login(representative)

    response = client.get(declare_url(association, year - 1))

    assert response.status_code == 404


def test_the_representative_of_another_association_may_not_declare(
    client, representative, neighbour, year, this_years_scale
):
    client.force_login(representative)

    assert client.get(declare_url(neighbour, year)).status_code == 403


def test_the_page_shows_the_amount_and_that_it_is_to_pay(client, member, association, year,
                                                         this_years_scale):
    DuesFactory(association=association, year=year, budget=Decimal("25000"), amount=80)
    client.force_login(member)

    response = client.get(reverse("extranet:dues_home"))

    assert "80 €" in response.text
    assert "à payer" in response.text


def test_the_page_shows_the_history_with_the_receipts(client, member, association, year,
                                                      this_years_scale):
    past = DuesFactory(association=association, year=year - 1, paid=True)
    client.force_login(member)

    response = client.get(reverse("extranet:dues_home"))

    assert reverse("extranet:dues_receipt", args=[past.pk]) in response.text
    assert f"Reçu n° {past.receipt_number}" in response.text


def test_the_page_does_not_show_another_associations_dues(client, member, neighbour, year,
                                                          this_years_scale):
    other = DuesFactory(association=neighbour, year=year - 1, paid=True)
    client.force_login(member)

    response = client.get(reverse("extranet:dues_home"))

    assert reverse("extranet:dues_receipt", args=[other.pk]) not in response.text


def test_the_scale_is_written_in_words(client, member, this_years_scale):
    client.force_login(member)

    response = client.get(reverse("extranet:dues_home"))

    assert "Moins de 10\xa0000 €" in response.text
    assert "De 10\xa0000 € à moins de 50\xa0000 €" in response.text
    assert "200\xa0000 € et plus" in response.text


def test_a_scale_of_one_bracket_is_for_every_budget(year):
    assert [label for label, _amount in services.scale_rows(scale(year, [(0, 50)]))] == [
        "tout budget"]


def test_how_to_pay_is_shown_when_it_is_set(client, member, association, year, settings,
                                            this_years_scale):
    settings.DUES_PAYMENT_INSTRUCTIONS = "Virement : FR76 1234"
    DuesFactory(association=association, year=year)
    client.force_login(member)

    assert "FR76 1234" in client.get(reverse("extranet:dues_home")).text


def test_how_to_pay_is_not_shown_when_it_is_not_set(client, member, association, year,
                                                    this_years_scale):
    DuesFactory(association=association, year=year)
    client.force_login(member)

    assert "Comment payer" not in client.get(reverse("extranet:dues_home")).text


def queries_of_the_page(client):
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("extranet:dues_home"))
    return len(queries)


def test_the_page_reads_as_many_queries_for_one_past_year_as_for_seven(
    client, member, association, year, this_years_scale
):
    DuesFactory(association=association, year=year - 1, paid=True)
    client.force_login(member)
    client.get(reverse("extranet:dues_home"))  # the session, the site: read once
    with_one = queries_of_the_page(client)
    for past in range(2, 8):
        DuesFactory(association=association, year=year - past, paid=True)

    assert queries_of_the_page(client) == with_one
