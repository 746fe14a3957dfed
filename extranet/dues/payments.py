"""Recording the payment of a dues (the treasurer, a coordinator): the day the collective
received it, the means and a reference. The payment gives the dues its receipt number, the
year's next one (2027-0012), and writes the solidarity fund's share of it
(extranet.dues.fund.record_dues_share), all in one transaction. A recorded payment's date,
means and reference may be corrected afterwards; its amount may not, nor may it be undone.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.dues import fund
from extranet.dues.models import Dues

# Two payments recorded at the same instant may compute the same number: the unique
# receipt_number refuses the second, which takes the next number, at most this many times.
NUMBERING_TRIES = 3


def next_receipt_number(year):
    """The year's next receipt number: the highest given so far, plus one."""
    numbers = (Dues.objects.filter(receipt_number__startswith=f"{year}-")
               .values_list("receipt_number", flat=True))
    highest = max((int(number.split("-", 1)[1]) for number in numbers), default=0)
    return f"{year}-{highest + 1:04d}"


def _check_date(paid_on):
    if paid_on > timezone.localdate():
        raise ValidationError(_("La date du paiement ne peut être dans le futur."))


def record_payment(dues, paid_on, means, reference="", by=None):
    """Record that `dues` was paid on `paid_on` by `means`; returns the dues, with its
    receipt number. Raises ValidationError when it is paid already or the date is to
    come."""
    _check_date(paid_on)
    with transaction.atomic():
        dues = Dues.objects.select_for_update().select_related("association").get(pk=dues.pk)
        if dues.is_paid:
            raise ValidationError(_("Cette cotisation est déjà payée (reçu n° %(number)s).")
                                  % {"number": dues.receipt_number})
        dues.paid_on, dues.means, dues.reference = paid_on, means, reference
        dues.recorded_at, dues.recorded_by = timezone.now(), by
        _number(dues)
        fund.record_dues_share(dues, by)
    return dues


def _number(dues):
    """Give `dues` the year's next receipt number and save it (the lock of the row is
    held)."""
    for attempt in range(NUMBERING_TRIES):
        dues.receipt_number = next_receipt_number(dues.year)
        try:
            with transaction.atomic():
                dues.save(update_fields=["paid_on", "means", "reference", "receipt_number",
                                         "recorded_at", "recorded_by"])
            return
        except IntegrityError:
            if attempt == NUMBERING_TRIES - 1:
                raise


def correct_payment(dues, paid_on, means, reference="", by=None):
    """Correct the date, means and reference of the payment of `dues` (paid); the amount and
    the receipt number stay."""
    _check_date(paid_on)
    with transaction.atomic():
        dues = Dues.objects.select_for_update().select_related("association").get(pk=dues.pk)
        if not dues.is_paid:
            raise ValidationError(_("Cette cotisation n'est pas payée : enregistrez d'abord "
                                    "son paiement."))
        if paid_on.year != dues.paid_on.year:
            # The fund's share is written on the first date: it stays in that year's
            # accounts, which the corrected date must not leave.
            raise ValidationError(_("Le paiement a été enregistré en %(year)s : sa date "
                                    "corrigée reste dans cette année-là (la part du fonds "
                                    "de solidarité y est inscrite).")
                                  % {"year": dues.paid_on.year})
        dues.paid_on, dues.means, dues.reference = paid_on, means, reference
        dues.save(update_fields=["paid_on", "means", "reference"])
    return dues
