import datetime

import factory
from django.utils import timezone

from extranet.governance.models import CoordinationTerm, RotationPlace
from tests.factories.directory import AssociationFactory
from tests.factories.governance import PlenaryFactory


class CoordinationTermFactory(factory.django.DjangoModelFactory):
    """A term running from today for a year, of one member association (pass
    `associations=[...]` for others)."""

    class Meta:
        model = CoordinationTerm
        skip_postgeneration_save = True

    body = factory.SubFactory(PlenaryFactory, coordination_term_months=12)
    starts_on = factory.LazyFunction(timezone.localdate)
    ends_on = factory.LazyAttribute(lambda term: term.starts_on + datetime.timedelta(days=364))
    chosen_by = CoordinationTerm.Choice.ROTATION

    @factory.post_generation
    def associations(self, create, extracted, **kwargs):
        if create:
            self.associations.set(extracted if extracted is not None
                                  else [AssociationFactory(is_member=True)])


class RotationPlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RotationPlace

    body = factory.SubFactory(PlenaryFactory, coordination_term_months=12)
    association = factory.SubFactory(AssociationFactory, is_member=True)
    position = factory.Sequence(lambda n: n + 1)
