"""The solidarity fund's ledger: its balance is the sum of its entries, an entry is written
once (never changed nor deleted: a mistake is put right by a correction), the model refuses
an entry of the wrong sign or without its links, and the service refuses to take the fund
below zero and writes the dues' share once."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction

from extranet.dues import fund
from extranet.dues.models import EntryKind, FundEntry, LedgerIsAppendOnly
from tests.factories.decisions import decide
from tests.factories.directory import AssociationFactory
from tests.factories.dues import DuesFactory, GiftFactory, scale

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


@pytest.fixture
def decision():
    return decide(title="Aide au loyer d'une association membre")


@pytest.fixture
def helped():
    return AssociationFactory(name="Amicale des locataires", is_member=True)


@pytest.fixture
def gift():
    return fund.record_gift("500", "Don de la fête de quartier")


def aid(amount, association, decision):
    return fund.record_redistribution(amount, association, decision, "Aide au loyer")


def test_the_balance_of_an_empty_ledger_is_zero():
    assert fund.balance() == 0


def test_the_balance_is_the_sum_of_entries_of_every_kind(helped, decision):
    scale(datetime.date.today().year)
    fund.record_dues_share(DuesFactory(paid=True))  # 16
    gift = fund.record_gift("500", "Don de la fête de quartier")
    aid("120.50", helped, decision)
    fund.record_correction(gift, "-50", "Correction : le don était de 450 €")

    assert fund.balance() == Decimal("16") + Decimal("500") - Decimal("120.50") - Decimal("50")
    assert fund.balance() == sum(FundEntry.objects.values_list("amount", flat=True))


def test_the_balance_on_a_date_leaves_out_the_later_entries():
    today = datetime.date.today()
    fund.record_gift("200", "Don ancien", entry_date=today - datetime.timedelta(days=30))
    fund.record_gift("300", "Don récent", entry_date=today)

    assert fund.balance(on_date=today - datetime.timedelta(days=1)) == Decimal("200")


def test_a_recorded_entry_refuses_to_be_saved_again(gift):
    gift.amount = Decimal("5000")
    with pytest.raises(LedgerIsAppendOnly):
        gift.save()
    assert FundEntry.objects.get().amount == Decimal("500")


def test_a_recorded_entry_refuses_to_be_deleted(gift):
    with pytest.raises(LedgerIsAppendOnly):
        gift.delete()
    assert FundEntry.objects.count() == 1


def test_the_ledger_refuses_a_queryset_update(gift):
    with pytest.raises(LedgerIsAppendOnly):
        FundEntry.objects.filter(pk=gift.pk).update(amount=Decimal("5000"))
    assert FundEntry.objects.get().amount == Decimal("500")


def test_the_ledger_refuses_a_queryset_delete(gift):
    with pytest.raises(LedgerIsAppendOnly):
        FundEntry.objects.all().delete()
    assert FundEntry.objects.count() == 1


def test_the_ledger_refuses_a_bulk_update(gift):
    gift.label = "Autre chose"
    with pytest.raises(LedgerIsAppendOnly):
        FundEntry.objects.bulk_update([gift], ["label"])
    assert FundEntry.objects.get().label == "Don de la fête de quartier"


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_an_update_in_sql(gift):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute("UPDATE dues_fundentry SET amount = 5000 WHERE id = %s", [gift.pk])
    assert FundEntry.objects.get().amount == Decimal("500")


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_a_delete_in_sql(gift):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute("DELETE FROM dues_fundentry WHERE id = %s", [gift.pk])
    assert FundEntry.objects.filter(pk=gift.pk).exists()


def test_the_model_refuses_a_positive_redistribution(helped, decision):
    entry = FundEntry(kind=EntryKind.REDISTRIBUTION, amount=Decimal("100"), label="Aide",
                      association=helped, decision=decision)
    with pytest.raises(ValidationError):
        entry.full_clean()


def test_the_database_refuses_a_positive_redistribution(helped, decision):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundEntry.objects.create(kind=EntryKind.REDISTRIBUTION, amount=Decimal("100"),
                                 label="Aide", association=helped, decision=decision)


def test_the_database_refuses_a_redistribution_without_decision(helped):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundEntry.objects.create(kind=EntryKind.REDISTRIBUTION, amount=Decimal("-100"),
                                 label="Aide", association=helped)


def test_the_database_refuses_a_redistribution_without_association(decision):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundEntry.objects.create(kind=EntryKind.REDISTRIBUTION, amount=Decimal("-100"),
                                 label="Aide", decision=decision)


def test_the_model_refuses_a_correction_without_the_entry_it_corrects():
    entry = FundEntry(kind=EntryKind.CORRECTION, amount=Decimal("-50"), label="Correction")
    with pytest.raises(ValidationError):
        entry.full_clean()


def test_the_database_refuses_a_correction_without_the_entry_it_corrects():
    with pytest.raises(IntegrityError), transaction.atomic():
        FundEntry.objects.create(kind=EntryKind.CORRECTION, amount=Decimal("-50"),
                                 label="Correction")


@pytest.mark.parametrize("amount", ["0", "-10"])
def test_the_model_refuses_a_gift_of_zero_or_less(amount):
    with pytest.raises(ValidationError):
        fund.record_gift(amount, "Don")
    assert not FundEntry.objects.exists()


def test_the_database_refuses_a_negative_gift():
    with pytest.raises(IntegrityError), transaction.atomic():
        GiftFactory(amount=Decimal("-10"))


def test_an_aid_cannot_take_the_fund_below_zero(gift, helped, decision):
    with pytest.raises(ValidationError, match="500"):
        aid("500.01", helped, decision)
    assert FundEntry.objects.count() == 1
    assert fund.balance() == Decimal("500")


def days_ago(days):
    return datetime.date.today() - datetime.timedelta(days=days)


def test_a_back_dated_aid_cannot_spend_money_that_came_in_after_its_date(helped, decision):
    fund.record_gift("300", "Don de la brocante", entry_date=days_ago(60))
    fund.record_gift("500", "Don de la fête", entry_date=days_ago(10))

    with pytest.raises(ValidationError, match="300"):
        fund.record_redistribution("400", helped, decision, "Aide", entry_date=days_ago(30))
    assert FundEntry.objects.count() == 2


def test_a_back_dated_aid_cannot_take_a_later_day_below_zero(helped, decision):
    fund.record_gift("500", "Don de la brocante", entry_date=days_ago(60))
    fund.record_redistribution("400", helped, decision, "Aide au loyer",
                               entry_date=days_ago(10))

    with pytest.raises(ValidationError, match="100"):
        fund.record_redistribution("200", helped, decision, "Aide", entry_date=days_ago(30))
    assert fund.balance() == Decimal("100")


def test_a_back_dated_aid_within_the_balance_of_every_day_since_is_recorded(helped,
                                                                            decision):
    fund.record_gift("300", "Don de la brocante", entry_date=days_ago(60))
    fund.record_gift("500", "Don de la fête", entry_date=days_ago(10))

    fund.record_redistribution("300", helped, decision, "Aide", entry_date=days_ago(30))

    assert fund.balance() == Decimal("500")


def test_an_aid_may_spend_the_whole_fund(gift, helped, decision):
    aid("500", helped, decision)

    assert fund.balance() == 0


def test_a_correction_cannot_take_the_fund_below_zero(gift, helped, decision):
    aid("400", helped, decision)
    with pytest.raises(ValidationError):
        fund.record_correction(gift, "-450", "Le don était de 50 €")
    assert fund.balance() == Decimal("100")


def test_the_dues_share_is_the_scales_share_of_the_dues():
    dues = DuesFactory(paid=True)  # 80 €
    scale(dues.year, fund_share=20)

    entry = fund.record_dues_share(dues)

    assert (entry.kind, entry.amount, entry.dues, entry.association) == (
        EntryKind.DUES_SHARE, Decimal("16.00"), dues, dues.association)
    assert entry.entry_date == dues.paid_on


def test_the_dues_share_is_written_once_only():
    dues = DuesFactory(paid=True)
    scale(dues.year)
    fund.record_dues_share(dues)

    assert fund.record_dues_share(dues) is None
    assert FundEntry.objects.count() == 1


def test_no_dues_share_is_written_when_the_scale_gives_none():
    dues = DuesFactory(paid=True)
    scale(dues.year, fund_share=0)

    assert fund.record_dues_share(dues) is None
    assert not FundEntry.objects.exists()


def test_a_correction_of_a_mistyped_gift_gives_the_right_balance():
    mistyped = fund.record_gift("5000", "Don de la fête de quartier")  # 500 € given

    correction = fund.record_correction(mistyped, "-4500", "Correction : don de 500 €")

    assert fund.balance() == Decimal("500")
    assert correction.corrects == mistyped
    assert list(mistyped.corrections.all()) == [correction]
    assert FundEntry.objects.get(pk=mistyped.pk).amount == Decimal("5000")


def test_a_correction_of_zero_is_refused(gift):
    with pytest.raises(ValidationError):
        fund.record_correction(gift, "0", "Rien")
    assert FundEntry.objects.count() == 1
