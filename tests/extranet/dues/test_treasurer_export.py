"""The treasurer's list of a year's dues (every member association, and those with dues
that year), its totals and filters, its bounded queries, and its CSV export."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import AssociationFactory
from tests.factories.dues import DuesFactory

pytestmark = pytest.mark.django_db



def list_url(**query):
    from urllib.parse import urlencode

    return f"{reverse('extranet:dues_list')}?{urlencode(query)}"


@pytest.fixture
def three_states(association, year):
    """One association undeclared (`association`), one to pay (80 €), one paid (150 €)."""
    unpaid = DuesFactory(year=year, amount=Decimal("80"))
    paid = DuesFactory(year=year, amount=Decimal("150"), paid=True)
    return association, unpaid, paid


def test_the_list_shows_every_member_association_and_its_state(client, treasurer, year,
                                                               three_states):
    association, unpaid, paid = three_states
    client.force_login(treasurer)

    response = client.get(list_url(annee=year))

    rows = {row.association.name: row.label for row in response.context["rows"]}
    assert rows[association.name] == "non déclarée"
    assert rows[unpaid.association.name] == "à payer"
    assert rows[paid.association.name] == "payée"


def test_the_totals_add_up_the_amounts_and_count_the_states(client, treasurer, year,
                                                            three_states):
    client.force_login(treasurer)

    totals = client.get(list_url(annee=year)).context["totals"]

    assert (totals.expected, totals.paid_amount, totals.unpaid_amount) == (230, 150, 80)
    assert [number for _state, _label, number in totals.counts()][-3:] == [
        totals.undeclared, totals.unpaid, totals.paid]
    assert totals.paid == 1


@pytest.mark.parametrize(("state", "expected"), [("undeclared", 0), ("unpaid", 1),
                                                 ("paid", 2)])
def test_the_list_filters_by_state(client, treasurer, year, three_states, state, expected):
    client.force_login(treasurer)

    response = client.get(list_url(annee=year, etat=state))

    names = [row.association.name for row in response.context["rows"]]
    wanted = three_states[expected]
    assert names == [getattr(wanted, "association", wanted).name]


def test_an_association_that_left_shows_with_its_dues_of_the_year(client, treasurer, year):
    gone = DuesFactory(year=year, association=AssociationFactory(is_member=False))
    client.force_login(treasurer)

    response = client.get(list_url(annee=year))

    assert gone.association.name in response.text


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_list_reads_as_many_queries_for_40_associations_as_for_5(client, treasurer,
                                                                     year):
    for _ in range(5):
        DuesFactory(year=year, paid=True)
    client.force_login(treasurer)
    client.get(list_url(annee=year))
    with_five = queries_of(client, list_url(annee=year))
    for _ in range(35):
        DuesFactory(year=year)

    assert queries_of(client, list_url(annee=year)) == with_five


def test_a_member_may_not_see_the_list(client, member, year):
    client.force_login(member)

    assert client.get(list_url(annee=year)).status_code == 403


# The export.

def export(client, year):
    response = client.get(f"{reverse('extranet:dues_export')}?annee={year}")
    return response, b"".join(response.streaming_content).decode("utf-8")


def test_the_export_is_a_csv_for_french_spreadsheets(client, treasurer, year, three_states):
    client.force_login(treasurer)

    response, text = export(client, year)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert text.startswith("\ufeffAssociation;RNA;Année;")
    assert f'filename="cotisations-{year}.csv"' in response["Content-Disposition"]


def test_the_export_has_a_line_per_association_of_the_list(client, treasurer, year,
                                                           three_states):
    _association, _unpaid, paid = three_states
    client.force_login(treasurer)

    _response, text = export(client, year)

    lines = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(lines) == 3
    line = next(line for line in lines if line["Association"] == paid.association.name)
    assert (line["Montant (€)"], line["État"], line["Numéro de reçu"]) == (
        "150,00", "payée", paid.receipt_number)


def test_the_export_neutralises_formulas(client, treasurer, year):
    DuesFactory(year=year, association=AssociationFactory(name="=HYPERLINK(1)",
                                                          is_member=True))
    client.force_login(treasurer)

    _response, text = export(client, year)

    assert "'=HYPERLINK(1)" in text


def test_a_member_may_not_export(client, member, year):
    client.force_login(member)

    assert client.get(f"{reverse('extranet:dues_export')}?annee={year}").status_code == 403
