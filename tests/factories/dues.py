"""Dues: the scale of a year, an association's dues (declared, paid or not), the solidarity
fund's entries (written through extranet.dues.fund in the tests of the rules; directly here
for fixtures) and the public page of the fund."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from extranet.dues.models import (
    Dues,
    DuesBracket,
    DuesScale,
    EntryKind,
    FundEntry,
    Means,
    SolidarityFundPage,
)
from tests.factories.directory import AssociationFactory

# The demo's scale: under 10,000 € a year, 30 €; from 10,000 €, 80 €; from 50,000 €, 150 €;
# from 200,000 €, 300 €.
BRACKETS = [(0, 30), (10_000, 80), (50_000, 150), (200_000, 300)]


def scale(year, brackets=BRACKETS, fund_share=20):
    """The scale of `year` with its brackets ((budget_from, amount) pairs)."""
    dues_scale = DuesScale.objects.create(year=year, fund_share=fund_share)
    for budget_from, amount in brackets:
        DuesBracket.objects.create(scale=dues_scale, budget_from=Decimal(budget_from),
                                   amount=Decimal(amount))
    return dues_scale


class DuesFactory(factory.django.DjangoModelFactory):
    """The unpaid dues of a member association for the current year (budget 25,000 €, so
    80 € on the demo's scale); `paid=True` records a payment by transfer, the day before."""

    class Meta:
        model = Dues
        skip_postgeneration_save = True

    association = factory.SubFactory(AssociationFactory, is_member=True)
    year = factory.LazyFunction(lambda: datetime.date.today().year)
    budget = Decimal("25000")
    amount = Decimal("80")

    @factory.post_generation
    def paid(self, create, extracted, **kwargs):
        if create and extracted:
            self.paid_on = datetime.date.today() - datetime.timedelta(days=1)
            self.means = Means.TRANSFER
            self.receipt_number = f"{self.year}-{self.pk:04d}"
            self.save()


class GiftFactory(factory.django.DjangoModelFactory):
    """A gift of 500 € to the fund, recorded today."""

    class Meta:
        model = FundEntry

    kind = EntryKind.GIFT
    amount = Decimal("500")
    label = "Don de la fête de quartier"


class SolidarityFundPageFactory(wagtail_factories.PageFactory):
    """The published page « Fonds de solidarité ». Pass `parent=` (the home page)."""

    class Meta:
        model = SolidarityFundPage

    title = "Fonds de solidarité"
    slug = "fonds-de-solidarite"
    introduction = "Ce que le collectif met en commun, et à qui il l'a reversé."
    live = True
