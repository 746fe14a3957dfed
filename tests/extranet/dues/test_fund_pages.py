"""The solidarity fund's pages in the extranet: the ledger every member reads (the balance
derived from the entries, the entries newest first with their decision and corrections, by
pages of 50, filtered by year, in a bounded number of queries), and the coordinators' forms
for a gift, an aid and a correction, which write through extranet.dues.fund."""

import datetime
import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.dues import fund
from extranet.dues.models import EntryKind, FundEntry
from extranet.governance.models import Outcome
from tests.factories.decisions import decide
from tests.factories.directory import AssociationFactory
from tests.factories.dues import GiftFactory

pytestmark = pytest.mark.django_db

LEDGER = reverse("extranet:fund_ledger")
GIFT = reverse("extranet:fund_gift")
AID = reverse("extranet:fund_aid")


def today():
    return datetime.date.today()


def correction_url(entry):
    return reverse("extranet:fund_correction", args=[entry.pk])


@pytest.fixture
def decision():
    return decide(title="Aide au loyer de l'Amicale")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def test_the_ledger_shows_the_balance_derived_from_the_entries(member_client, neighbour,
                                                               decision):
    fund.record_gift("500", "Don de la fête de quartier")
    fund.record_redistribution("120", neighbour, decision, "Aide au loyer")

    response = member_client.get(LEDGER)

    assert response.context["balance"] == Decimal("380")
    assert response.context["totals"] == {"income": Decimal("500"), "outgo": Decimal("120")}
    assert "380,00 €" in response.text


def test_the_ledger_lists_the_entries_newest_first(member_client):
    older = fund.record_gift("100", "Don ancien", entry_date=today() - datetime.timedelta(9))
    newer = fund.record_gift("200", "Don récent")

    response = member_client.get(LEDGER)

    assert list(response.context["page"]) == [newer, older]


def test_an_aid_links_to_its_decision_in_the_register(member_client, neighbour, decision):
    fund.record_gift("500", "Don")
    fund.record_redistribution("120", neighbour, decision, "Aide au loyer")

    response = member_client.get(LEDGER)

    detail = reverse("extranet:decision_detail", args=[decision.number])
    assert f'<a href="{detail}">{decision.number}</a>' in response.text
    assert "Les Jardins partagés de Vaires" in response.text


def test_a_correction_names_the_entry_it_corrects_and_marks_it_corrected(member_client):
    mistyped = fund.record_gift("5000", "Don de la fête de quartier")
    correction = fund.record_correction(mistyped, "-4500", "Correction : don de 500 €")

    response = member_client.get(LEDGER)

    assert f"corrige n° {mistyped.pk} (Don de la fête de quartier)" in response.text
    assert f"corrigée par n° {correction.pk}" in response.text
    assert response.context["balance"] == Decimal("500")


def test_the_ledger_shows_50_entries_a_page(member_client):
    GiftFactory.create_batch(60)

    first = member_client.get(LEDGER)
    second = member_client.get(LEDGER, {"page": 2})

    assert len(first.context["page"]) == 50
    assert len(second.context["page"]) == 10


def test_the_year_filter_keeps_that_years_entries_and_totals(member_client):
    last_year = today().year - 1
    old = fund.record_gift("100", "Don ancien", entry_date=datetime.date(last_year, 6, 1))
    fund.record_gift("200", "Don récent")

    response = member_client.get(LEDGER, {"annee": last_year})

    assert list(response.context["page"]) == [old]
    assert response.context["totals"]["income"] == Decimal("100")
    assert response.context["balance"] == Decimal("300")


def aids(number, association, decision):
    """`number` aids, each corrected, after a gift that pays for them."""
    fund.record_gift("100000", "Grand don")
    for rank in range(number):
        aid = fund.record_redistribution("10", association, decision, f"Aide {rank}")
        fund.record_correction(aid, "1", f"Aide {rank} : 9 €")


def test_the_ledger_takes_as_many_queries_for_60_entries_as_for_5(
        coordinator_client, neighbour, decision, django_assert_max_num_queries):
    aids(2, neighbour, decision)  # 5 entries
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(LEDGER)
    aids(28, neighbour, decision)  # 61 entries

    with django_assert_max_num_queries(len(few)):
        response = coordinator_client.get(LEDGER)

    assert len(response.context["page"]) == 50


def test_a_member_reads_the_ledger_without_the_coordinators_forms(member_client):
    fund.record_gift("500", "Don")

    response = member_client.get(LEDGER)

    assert GIFT not in response.text
    assert "Corriger" not in response.text


def test_a_coordinator_finds_the_forms_on_the_ledger(coordinator_client):
    gift = fund.record_gift("500", "Don")

    response = coordinator_client.get(LEDGER)

    assert GIFT in response.text and AID in response.text
    assert correction_url(gift) in response.text


def test_a_member_may_not_record_a_gift(member_client):
    response = member_client.post(GIFT, {"amount": "50", "entry_date": today(),
                                         "label": "Don"})

    assert response.status_code == 403
    assert not FundEntry.objects.exists()


def test_a_coordinator_records_a_gift(coordinator_client, coordinator):
    response = coordinator_client.post(GIFT, {"amount": "250.50", "entry_date": today(),
                                              "label": "Don de la fête de quartier"})

    assert response.status_code == 302
    entry = FundEntry.objects.get()
    assert (entry.kind, entry.amount, entry.recorded_by) == (
        EntryKind.GIFT, Decimal("250.50"), coordinator)


def test_a_gift_dated_tomorrow_is_refused(coordinator_client):
    response = coordinator_client.post(GIFT, {
        "amount": "50", "entry_date": today() + datetime.timedelta(days=1), "label": "Don"})

    assert response.status_code == 200
    assert "Cette date est à venir" in response.text
    assert not FundEntry.objects.exists()


@pytest.mark.parametrize("amount", ["0", "-5"])
def test_a_gift_of_zero_or_less_is_refused(coordinator_client, amount):
    response = coordinator_client.post(GIFT, {"amount": amount, "entry_date": today(),
                                              "label": "Don"})

    assert response.status_code == 200
    assert not FundEntry.objects.exists()


def aid_data(association, decision, amount="120"):
    return {"amount": amount, "association": association.pk, "decision": decision.pk,
            "label": "Aide au loyer", "entry_date": today()}


def test_a_coordinator_records_an_aid_decided_by_the_register(coordinator_client, neighbour,
                                                               decision):
    fund.record_gift("500", "Don")

    response = coordinator_client.post(AID, aid_data(neighbour, decision))

    assert response.status_code == 302
    aid = FundEntry.objects.get(kind=EntryKind.REDISTRIBUTION)
    assert (aid.amount, aid.association, aid.decision) == (Decimal("-120"), neighbour,
                                                           decision)


def test_an_aid_above_the_balance_is_refused_on_the_form(coordinator_client, neighbour,
                                                         decision):
    fund.record_gift("100", "Don")

    response = coordinator_client.post(AID, aid_data(neighbour, decision, amount="150"))

    assert response.status_code == 200
    assert "Le fonds n'a que 100,00 €" in html.unescape(response.text)
    assert FundEntry.objects.count() == 1


def test_an_aid_before_its_decision_is_refused(coordinator_client, neighbour, decision):
    fund.record_gift("500", "Don")
    data = {**aid_data(neighbour, decision),
            "entry_date": decision.decided_on - datetime.timedelta(days=1)}

    response = coordinator_client.post(AID, data)

    assert response.status_code == 200
    assert FundEntry.objects.count() == 1


def test_the_aid_form_offers_adopted_decisions_newest_first(coordinator_client):
    older = decide(title="Aide ancienne", on=today() - datetime.timedelta(days=400))
    newer = decide(title="Aide récente", on=today() - datetime.timedelta(days=30))
    decide(title="Aide refusée", outcome=Outcome.REJECTED)

    response = coordinator_client.get(AID)

    assert list(response.context["form"].fields["decision"].queryset) == [newer, older]


def test_the_aid_form_offers_member_associations_only(coordinator_client, neighbour):
    AssociationFactory(name="Pas membre", is_member=False)

    response = coordinator_client.get(AID)

    offered = list(response.context["form"].fields["association"].queryset)
    assert neighbour in offered
    assert "Pas membre" not in [association.name for association in offered]


def test_a_coordinator_corrects_an_entry_by_a_new_one(coordinator_client):
    mistyped = fund.record_gift("5000", "Don de la fête de quartier")

    response = coordinator_client.post(correction_url(mistyped), {
        "amount": "-4500", "label": "Correction : montant mal saisi"})

    assert response.status_code == 302
    correction = FundEntry.objects.get(kind=EntryKind.CORRECTION)
    assert (correction.corrects, correction.amount) == (mistyped, Decimal("-4500"))
    assert FundEntry.objects.get(pk=mistyped.pk).amount == Decimal("5000")
    assert fund.balance() == Decimal("500")


def test_a_correction_below_zero_is_refused_on_the_form(coordinator_client):
    gift = fund.record_gift("100", "Don")

    response = coordinator_client.post(correction_url(gift), {"amount": "-150",
                                                              "label": "Erreur"})

    assert response.status_code == 200
    assert "Le fonds n'a que 100,00 €" in html.unescape(response.text)
    assert FundEntry.objects.count() == 1


def test_a_correction_needs_its_label(coordinator_client):
    gift = fund.record_gift("100", "Don")

    response = coordinator_client.post(correction_url(gift), {"amount": "-50", "label": ""})

    assert response.status_code == 200
    assert FundEntry.objects.count() == 1


def test_the_correction_of_an_unknown_entry_is_not_found(coordinator_client):
    response = coordinator_client.get(reverse("extranet:fund_correction", args=[999]))

    assert response.status_code == 404
