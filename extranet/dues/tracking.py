"""The treasurer's list of a year's dues: a row per association that is a member today, and
per association that has dues that year even if it has left since; an association without
dues that year has not declared its budget. Each row carries the dues (budget, amount,
payment) and the last reminder; the list is read in a bounded number of queries whatever
the number of associations (the dues and the last reminder are joined to each association),
and so are its totals (one query)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, FilteredRelation, OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.dues.models import DuesReminder, Means

UNDECLARED, UNPAID, PAID = "undeclared", "unpaid", "paid"
STATES = [(UNDECLARED, _("non déclarée")), (UNPAID, _("à payer")), (PAID, _("payée"))]
LABELS = dict(STATES)
MEANS = dict(Means.choices)


def tracked(year):
    """The associations of the year's list, by name, each with the fields of its dues of
    `year` (`dues_id` None when undeclared) and `last_reminder` (one query)."""
    reminders = DuesReminder.objects.filter(association=OuterRef("pk"), year=year)
    return (
        Association.objects.only("name", "rna_id", "is_member", "dissolved_on").annotate(
            this_year=FilteredRelation("dues", condition=Q(dues__year=year)))
        .filter(Q(is_member=True, dissolved_on__isnull=True) | Q(this_year__isnull=False))
        .annotate(dues_id=F("this_year__pk"), budget=F("this_year__budget"),
                  amount=F("this_year__amount"), paid_on=F("this_year__paid_on"),
                  means=F("this_year__means"), reference=F("this_year__reference"),
                  receipt_number=F("this_year__receipt_number"),
                  last_reminder=Subquery(reminders.order_by("-sent_at")
                                         .values("sent_at")[:1]))
        .order_by("name", "pk")
    )


def with_state(associations, state):
    """Only the `tracked` associations whose dues are in `state`."""
    if state == UNDECLARED:
        return associations.filter(dues_id__isnull=True)
    if state == UNPAID:
        return associations.filter(dues_id__isnull=False, paid_on__isnull=True)
    return associations.filter(paid_on__isnull=False)


@dataclass(frozen=True)
class Totals:
    undeclared: int
    unpaid: int
    paid: int
    expected: Decimal
    paid_amount: Decimal

    @property
    def unpaid_amount(self):
        return self.expected - self.paid_amount

    def counts(self):
        """[(state, label, number)] for every state."""
        numbers = {UNDECLARED: self.undeclared, UNPAID: self.unpaid, PAID: self.paid}
        return [(state, label, numbers[state]) for state, label in STATES]


def totals(associations):
    """The counts by state and the amounts expected (declared), paid and unpaid of the
    `tracked` associations (one query)."""
    figures = associations.order_by().aggregate(
        undeclared=Count("pk", filter=Q(dues_id__isnull=True)),
        unpaid=Count("pk", filter=Q(dues_id__isnull=False, paid_on__isnull=True)),
        paid=Count("pk", filter=Q(paid_on__isnull=False)),
        expected=Sum("amount"), paid_amount=Sum("amount", filter=Q(paid_on__isnull=False)),
    )
    return Totals(figures["undeclared"], figures["unpaid"], figures["paid"],
                  figures["expected"] or Decimal(0), figures["paid_amount"] or Decimal(0))


@dataclass(frozen=True)
class Row:
    association: Association

    @property
    def state(self):
        if self.association.dues_id is None:
            return UNDECLARED
        return PAID if self.association.paid_on else UNPAID

    @property
    def label(self):
        return LABELS[self.state]

    @property
    def means_label(self):
        return MEANS.get(self.association.means or "", "")

    @property
    def is_member(self):
        return self.association.is_member and self.association.dissolved_on is None


def rows(associations):
    """The rows of a page (or any iterable) of `tracked` associations."""
    return [Row(association) for association in associations]
