"""Writing to the solidarity fund's ledger (extranet/dues/models/fund.py): every entry goes
through here, which checks what the model's constraints cannot see.

- `record_dues_share(dues, by)`: the fund's share of a paid dues (the year's scale says how
  many per cent), once per dues, nothing when the share is 0;
- `record_gift(...)`: money given to the fund;
- `record_redistribution(...)`: an aid paid to a member association, by a decision of the
  register; refused when it would take the fund below zero, on its date or any day since;
- `record_correction(entry, amount, label, by)`: puts an entry right by a new one; refused
  likewise.

Writes that check the balance hold a lock for the length of their transaction (on
PostgreSQL, an advisory lock; SQLite writes one transaction at a time anyway), so two aids
decided at once cannot both spend the same euros.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from extranet.dues.models import DuesScale, EntryKind, FundEntry

# Any constant: the key of the advisory lock that writers of the ledger take on PostgreSQL.
LEDGER_LOCK = 770_424
CENT = Decimal("0.01")


def balance(on_date=None):
    """The fund's balance: the sum of its entries (those dated up to `on_date`, if given)."""
    entries = FundEntry.objects.all()
    if on_date is not None:
        entries = entries.filter(entry_date__lte=on_date)
    return entries.balance()


def _lock():
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LEDGER_LOCK])


def available_on(day):
    """What the fund can spend on `day` without going below zero then or later: the lowest
    of its balances at the end of `day` and of every later day with entries (an entry dated
    in the past must not take the balance of any day since below zero). Two queries."""
    lowest = running = balance(day)
    later = (FundEntry.objects.filter(entry_date__gt=day).order_by("entry_date", "pk")
             .values_list("entry_date", "amount"))
    previous = None
    for entry_date, amount in later:
        if previous is not None and entry_date != previous:
            lowest = min(lowest, running)
        running += amount
        previous = entry_date
    return min(lowest, running)


def _refusal(entry, available):
    if entry.kind == EntryKind.CORRECTION:
        message = _("Le fonds n'a que %(balance)s € à cette date : une correction de "
                    "%(amount)s € le rendrait négatif.")
    else:
        message = _("Le fonds n'a que %(balance)s € à cette date : il ne peut verser "
                    "%(amount)s €.")
    return ValidationError(message % {
        "balance": number_format(max(available, 0), 2, force_grouping=True),
        "amount": number_format(-entry.amount, 2, force_grouping=True)})


def _write(entry, check_balance):
    entry.full_clean()
    with transaction.atomic():
        _lock()
        if check_balance:
            available = available_on(entry.entry_date)
            if available + entry.amount < 0:
                raise _refusal(entry, available)
        entry.save()
    return entry


def share_of(dues):
    """The fund's share of `dues` (euros, to the cent), by its year's scale."""
    scale = DuesScale.for_year(dues.year)
    percent = scale.fund_share if scale else 0
    return (dues.amount * percent / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def record_dues_share(dues, by=None):
    """Write the fund's share of paid `dues` (once: None when written already, or when the
    share is 0)."""
    if FundEntry.objects.filter(dues=dues).exists():
        return None
    amount = share_of(dues)
    if amount <= 0:
        return None
    with translation.override(settings.LANGUAGE_CODE):  # the ledger is written in French
        label = (_("Cotisation %(year)s, part du fonds : %(association)s")
                 % {"year": dues.year, "association": dues.association.name})
    return _write(FundEntry(
        kind=EntryKind.DUES_SHARE, amount=amount, entry_date=dues.paid_on, label=label,
        association=dues.association, dues=dues, recorded_by=by,
    ), check_balance=False)


def record_gift(amount, label, entry_date=None, by=None):
    return _write(FundEntry(kind=EntryKind.GIFT, amount=Decimal(amount), label=label,
                            entry_date=entry_date or timezone.localdate(), recorded_by=by),
                  check_balance=False)


def record_redistribution(amount, association, decision, label, entry_date=None, by=None):
    """An aid of `amount` euros (a positive figure) to `association`, granted by
    `decision`."""
    return _write(FundEntry(
        kind=EntryKind.REDISTRIBUTION, amount=-Decimal(amount), association=association,
        decision=decision, label=label, entry_date=entry_date or timezone.localdate(),
        recorded_by=by,
    ), check_balance=True)


def record_correction(entry, amount, label, entry_date=None, by=None):
    """A correction of `entry`: `amount` (signed) is what the fund gains (above 0) or loses
    (below 0) to be right again."""
    return _write(FundEntry(
        kind=EntryKind.CORRECTION, amount=Decimal(amount), corrects=entry,
        association=entry.association, label=label,
        entry_date=entry_date or timezone.localdate(), recorded_by=by,
    ), check_balance=True)
