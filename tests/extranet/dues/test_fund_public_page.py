"""The page « Fonds de solidarité »: the ledger's summary year by year (newest first, only
the years with entries), each year's balance carried to the next, the aids with their
purpose, naming their association and decision only when the decision is public, in a
bounded number of queries."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.dues import fund
from extranet.dues.models import Dues
from tests.factories.decisions import DecisionsPageFactory, decide
from tests.factories.directory import AssociationFactory
from tests.factories.dues import DuesFactory, SolidarityFundPageFactory, scale

pytestmark = pytest.mark.django_db

THIS_YEAR = datetime.date.today().year
LAST_YEAR, TWO_YEARS_AGO = THIS_YEAR - 1, THIS_YEAR - 2


def on(year, month, day=15):
    return datetime.date(year, month, day)


@pytest.fixture
def page(home_page):
    return SolidarityFundPageFactory(parent=home_page)


@pytest.fixture
def helped(db):
    return AssociationFactory(name="Amicale des locataires", is_member=True)


def text(response):
    """The page's text without its tags, its spaces (non-breaking too) as one."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", response.text)))


def two_years(helped):
    """Two years ago: 16 € of dues, a gift of 1000 €, an aid of 300 €, a correction of
    -100 € (the gift was 900 €); last year: a gift of 200 €, two aids (150 € and 50 €)."""
    decision = decide(title="Aide au loyer", on=on(TWO_YEARS_AGO, 1, 10))
    scale(TWO_YEARS_AGO)
    dues = DuesFactory(year=TWO_YEARS_AGO, paid=True)
    Dues.objects.filter(pk=dues.pk).update(paid_on=on(TWO_YEARS_AGO, 2))
    fund.record_dues_share(Dues.objects.get(pk=dues.pk))  # 20 % of 80 €
    gift = fund.record_gift("1000", "Don de la fête", entry_date=on(TWO_YEARS_AGO, 3))
    fund.record_redistribution("300", helped, decision, "Loyer de mars",
                               entry_date=on(TWO_YEARS_AGO, 4))
    fund.record_correction(gift, "-100", "Le don était de 900 €",
                           entry_date=on(TWO_YEARS_AGO, 5))
    fund.record_gift("200", "Don de la brocante", entry_date=on(LAST_YEAR, 3))
    other = AssociationFactory(name="Jardins partagés", is_member=True)
    fund.record_redistribution("150", helped, decision, "Loyer d'avril",
                               entry_date=on(LAST_YEAR, 4))
    fund.record_redistribution("50", other, decision, "Facture d'eau",
                               entry_date=on(LAST_YEAR, 5))
    return decision


def test_each_year_sums_its_entries_by_kind(client, page, helped):
    two_years(helped)

    older = client.get(page.url).context["years"][1]

    assert older.year == TWO_YEARS_AGO
    assert (older.opening, older.dues_share, older.gifts, older.corrections) == (
        0, Decimal("16.00"), Decimal("1000"), Decimal("-100"))
    assert (len(older.aids), older.aids_total, older.associations_helped) == (
        1, Decimal("300"), 1)
    assert older.closing == Decimal("616")


def test_the_balance_at_the_end_of_a_year_opens_the_next(client, page, helped):
    two_years(helped)

    newer, older = client.get(page.url).context["years"]

    assert newer.opening == older.closing == Decimal("616")
    assert (len(newer.aids), newer.aids_total, newer.associations_helped) == (
        2, Decimal("200"), 2)
    assert newer.closing == fund.balance() == Decimal("616")


def test_each_year_has_its_heading_with_the_year(client, page, helped):
    two_years(helped)

    page_text = text(client.get(page.url))

    assert f"Les comptes de {LAST_YEAR}" in page_text
    assert f"Les comptes de {TWO_YEARS_AGO}" in page_text


def test_the_page_shows_only_the_years_with_entries(client, page):
    fund.record_gift("100", "Don", entry_date=on(THIS_YEAR - 3, 6))
    fund.record_gift("100", "Don", entry_date=on(LAST_YEAR, 6))

    years = client.get(page.url).context["years"]

    assert [summary.year for summary in years] == [LAST_YEAR, THIS_YEAR - 3]
    assert years[0].opening == Decimal("100")


def test_an_aid_decided_in_public_names_its_association_and_decision(client, page, helped,
                                                                     home_page):
    decisions_page = DecisionsPageFactory(parent=home_page)
    decision = two_years(helped)

    response = client.get(page.url)

    assert "Amicale des locataires" in text(response)
    assert f"n° {decision.number} · Aide au loyer" in text(response)
    assert f'href="{decisions_page.url}{decision.number}/"' in response.text


def test_an_aid_decided_in_private_names_neither_association_nor_decision(client, page,
                                                                         helped):
    fund.record_gift("500", "Don", entry_date=on(LAST_YEAR, 1))
    secret = decide(title="Aide d'urgence confidentielle", is_public=False,
                    on=on(LAST_YEAR, 2))
    fund.record_redistribution("200", helped, secret, "Aide d'urgence",
                               entry_date=on(LAST_YEAR, 3))

    content = text(client.get(page.url))

    assert "Aide d'urgence" in content
    assert "une association membre" in content
    assert "Amicale des locataires" not in content
    assert secret.number not in content and "confidentielle" not in content


def test_the_page_says_so_when_the_fund_has_no_entry(client, page):
    response = client.get(page.url)

    assert response.context["years"] == []
    assert "Le fonds n’a encore rien reçu" in response.text


def entries(number, helped, decision, year):
    fund.record_gift("100000", "Grand don", entry_date=on(year, 1, 1))
    for rank in range(number):
        fund.record_redistribution("10", helped, decision, f"Aide {rank}",
                                   entry_date=on(year, 1 + rank % 12, 1 + rank % 28))


def test_the_page_takes_as_many_queries_for_60_entries_as_for_5(
        client, page, helped, home_page, django_assert_max_num_queries):
    DecisionsPageFactory(parent=home_page)
    decision = decide(on=on(TWO_YEARS_AGO, 1, 1))
    entries(4, helped, decision, TWO_YEARS_AGO)
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    entries(54, helped, decision, LAST_YEAR)

    with django_assert_max_num_queries(len(few)):
        response = client.get(page.url)

    assert len(response.context["years"]) == 2
