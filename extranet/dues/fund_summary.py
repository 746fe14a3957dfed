"""The solidarity fund's yearly summary, published on the page « Fonds de solidarité »
(extranet/dues/models/pages.py): for each calendar year with entries, newest first, the
balance on 1 January, what came in by kind (the dues' share, gifts), the corrections' net
sum, the aids paid (how many, how much, to how many associations) and the balance on
31 December, with the list of the year's aids and their purpose.

An aid names its association, and its decision's number and title, only when that decision
of the register is public; otherwise it reads « une association membre ». The whole ledger
is read once (one query, its columns only), whatever its length.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from extranet.dues.models import EntryKind, FundEntry
from extranet.governance.models import DecisionsPage

COLUMNS = ("entry_date", "kind", "amount", "label", "association_id", "association__name",
           "decision__number", "decision__title", "decision__is_public")


@dataclass
class Aid:
    entry_date: datetime.date
    label: str
    amount: Decimal
    association: str | None = None  # None: the decision is not public
    decision_number: str | None = None
    decision_title: str | None = None
    decision_url: str | None = None


@dataclass
class YearSummary:
    year: int
    opening: Decimal
    dues_share: Decimal = Decimal(0)
    gifts: Decimal = Decimal(0)
    corrections: Decimal = Decimal(0)
    aids_total: Decimal = Decimal(0)
    aids: list = field(default_factory=list)
    helped: set = field(default_factory=set, repr=False)

    @property
    def income(self):
        return self.dues_share + self.gifts

    @property
    def closing(self):
        return self.opening + self.income + self.corrections - self.aids_total

    @property
    def associations_helped(self):
        return len(self.helped)

    @property
    def is_current(self):
        """The year runs still: its closing balance is today's, not 31 December's."""
        return self.year >= timezone.localdate().year


def no_link(number):
    return None


def decision_links(locale_id, request=None):
    """`link(number)`: the address of a public decision's page on the site (under the page
    « Nos décisions et positions » of the locale `locale_id`), or None without that page."""
    page = DecisionsPage.objects.live().filter(locale_id=locale_id).first()
    base = page.get_url(request) if page is not None else None
    if base is None:
        return no_link

    def link(number):
        return base + page.reverse_subpage("decision", args=[number])

    return link


def _aid(row, link):
    entry_date, _kind, amount, label, _helped, name, number, title, is_public = row
    if not is_public:
        return Aid(entry_date, label, -amount)
    return Aid(entry_date, label, -amount, name, number, title, link(number))


def _add(summary, row, link):
    kind, amount = row[1], row[2]
    if kind == EntryKind.DUES_SHARE:
        summary.dues_share += amount
    elif kind == EntryKind.GIFT:
        summary.gifts += amount
    elif kind == EntryKind.CORRECTION:
        summary.corrections += amount
    else:
        summary.aids_total -= amount
        summary.helped.add(row[4])
        summary.aids.append(_aid(row, link))


def yearly_summary(link=no_link):
    """[YearSummary], newest year first; `link(number)` gives a public decision's page."""
    years = []
    for row in FundEntry.objects.order_by("entry_date", "pk").values_list(*COLUMNS):
        if not years or years[-1].year != row[0].year:
            opening = years[-1].closing if years else Decimal(0)
            years.append(YearSummary(year=row[0].year, opening=opening))
        _add(years[-1], row, link)
    return years[::-1]
