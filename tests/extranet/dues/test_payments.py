"""Recording the payment of a dues (the treasurer): the receipt number of the year, the
fund's share, refusals (paid already, a date to come), and correcting a recorded payment's
date, means and reference (never its amount)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from extranet.dues import payments
from extranet.dues.models import Dues, EntryKind, FundEntry, Means
from tests.factories.dues import DuesFactory

pytestmark = pytest.mark.django_db


def yesterday():
    return timezone.localdate() - datetime.timedelta(days=1)


def pay(dues, **extra):
    return payments.record_payment(dues, extra.pop("paid_on", yesterday()),
                                   extra.pop("means", Means.TRANSFER), **extra)


def test_a_payment_gives_the_first_receipt_number_of_the_year(year, this_years_scale):
    dues = pay(DuesFactory(year=year))

    assert dues.receipt_number == f"{year}-0001"
    assert Dues.objects.get().is_paid


def test_the_next_payment_gets_the_next_number(year, this_years_scale):
    pay(DuesFactory(year=year))

    assert pay(DuesFactory(year=year)).receipt_number == f"{year}-0002"


def test_the_numbers_start_again_each_year(year, this_years_scale):
    pay(DuesFactory(year=year - 1))

    assert pay(DuesFactory(year=year)).receipt_number == f"{year}-0001"


def test_the_numbering_goes_past_9999(year, this_years_scale):
    paid = DuesFactory(year=year, paid=True)
    Dues.objects.filter(pk=paid.pk).update(receipt_number=f"{year}-9999")

    assert pay(DuesFactory(year=year)).receipt_number == f"{year}-10000"


def test_a_payment_writes_the_funds_share(year, this_years_scale, treasurer):
    dues = pay(DuesFactory(year=year, amount=Decimal("80")), by=treasurer)

    entry = FundEntry.objects.get(dues=dues)
    assert (entry.kind, entry.amount, entry.recorded_by) == (EntryKind.DUES_SHARE,
                                                             Decimal("16.00"), treasurer)


def test_a_payment_records_who_and_when(year, this_years_scale, treasurer):
    dues = pay(DuesFactory(year=year), reference="CHQ 1234", by=treasurer)

    assert (dues.recorded_by, dues.reference) == (treasurer, "CHQ 1234")
    assert dues.recorded_at is not None


def test_a_paid_dues_cannot_be_paid_twice(year, this_years_scale):
    dues = pay(DuesFactory(year=year))

    with pytest.raises(ValidationError):
        pay(dues)
    assert FundEntry.objects.count() == 1


def test_a_payment_cannot_be_dated_tomorrow(year, this_years_scale):
    with pytest.raises(ValidationError):
        pay(DuesFactory(year=year), paid_on=timezone.localdate() + datetime.timedelta(days=1))


def test_the_correction_changes_the_date_means_and_reference_but_not_the_number(
    year, this_years_scale
):
    today = timezone.localdate()
    dues = pay(DuesFactory(year=year), paid_on=today)
    number = dues.receipt_number

    payments.correct_payment(dues, datetime.date(today.year, 1, 1), Means.CHEQUE, "CHQ 99")

    dues.refresh_from_db()
    assert (dues.means, dues.reference, dues.receipt_number) == (Means.CHEQUE, "CHQ 99",
                                                                  number)


def test_a_correction_cannot_move_the_payment_to_another_year(year, this_years_scale):
    first_day = datetime.date(timezone.localdate().year, 1, 1)
    dues = pay(DuesFactory(year=year), paid_on=first_day)

    with pytest.raises(ValidationError, match=str(first_day.year)):
        payments.correct_payment(dues, first_day - datetime.timedelta(days=1), Means.CHEQUE)
    dues.refresh_from_db()
    assert dues.paid_on == first_day


def test_an_unpaid_dues_cannot_be_corrected(year):
    with pytest.raises(ValidationError):
        payments.correct_payment(DuesFactory(year=year), yesterday(), Means.CHEQUE)


# The pages.

def payment_data(**extra):
    return {"paid_on": yesterday().isoformat(), "means": "cheque", "reference": "CHQ 1",
            **extra}


def test_the_treasurer_records_a_payment_on_its_page(client, treasurer, year,
                                                     this_years_scale):
    dues = DuesFactory(year=year)
    client.force_login(treasurer)

    response = client.post(reverse("extranet:dues_record_payment", args=[dues.pk]),
                           payment_data())

    assert response.status_code == 302
    dues.refresh_from_db()
    assert (dues.means, dues.receipt_number) == (Means.CHEQUE, f"{year}-0001")


def test_the_payment_page_refuses_a_date_to_come(client, treasurer, year, this_years_scale):
    dues = DuesFactory(year=year)
    client.force_login(treasurer)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(reverse("extranet:dues_record_payment", args=[dues.pk]),
                           payment_data(paid_on=tomorrow.isoformat()))

    assert response.status_code == 200
    assert not Dues.objects.get().is_paid


def test_the_payment_page_proposes_today_in_the_date_picker_s_format(client, treasurer, year):
    dues = DuesFactory(year=year)
    client.force_login(treasurer)

    response = client.get(reverse("extranet:dues_record_payment", args=[dues.pk]))

    assert f'value="{timezone.localdate().isoformat()}"' in response.content.decode()


def test_the_correction_page_shows_the_payment_s_day_in_the_date_picker(client, treasurer,
                                                                       year):
    dues = DuesFactory(year=year, paid=True)
    client.force_login(treasurer)

    response = client.get(reverse("extranet:dues_payment_edit", args=[dues.pk]))

    assert f'value="{dues.paid_on.isoformat()}"' in response.content.decode()


def test_the_payment_page_of_a_paid_dues_leads_to_its_correction(client, treasurer, year):
    dues = DuesFactory(year=year, paid=True)
    client.force_login(treasurer)

    response = client.get(reverse("extranet:dues_record_payment", args=[dues.pk]))

    assert response.url == reverse("extranet:dues_payment_edit", args=[dues.pk])


def test_the_treasurer_corrects_a_payment_on_its_page(client, treasurer, year):
    dues = DuesFactory(year=year, paid=True)
    client.force_login(treasurer)

    client.post(reverse("extranet:dues_payment_edit", args=[dues.pk]),
                payment_data(means="card", reference="CB 42"))

    dues.refresh_from_db()
    assert (dues.means, dues.reference) == (Means.CARD, "CB 42")


def test_an_unpaid_dues_has_no_correction_page(client, treasurer, year):
    dues = DuesFactory(year=year)
    client.force_login(treasurer)

    response = client.get(reverse("extranet:dues_payment_edit", args=[dues.pk]))

    assert response.status_code == 404


def test_a_representative_may_not_record_the_payment_of_its_dues(client, representative,
                                                                 association, year):
    dues = DuesFactory(association=association, year=year)
    client.force_login(representative)

    response = client.post(reverse("extranet:dues_record_payment", args=[dues.pk]),
                           payment_data())

    assert response.status_code == 403
    assert not Dues.objects.get().is_paid
