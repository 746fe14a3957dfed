import factory
import wagtail_factories

from directory.models import Sector
from joining.models import JoinPage, JoinRequest, JoinStepKind


class JoinPageFactory(wagtail_factories.PageFactory):
    """The live join page. Pass `parent=` (usually the `home_page` fixture)."""

    class Meta:
        model = JoinPage

    title = "Rejoindre le collectif"
    slug = "adherer"
    live = True


class JoinRequestFactory(factory.django.DjangoModelFactory):
    """A pending request for a proposed association (pass `charter_version=`)."""

    class Meta:
        model = JoinRequest
        skip_postgeneration_save = True

    proposed_name = factory.Sequence(lambda n: f"Association candidate {n}")
    proposed_postcode = "77500"
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="019000"))
    first_name = "Sylvie"
    last_name = "Moreau"
    email = factory.Sequence(lambda n: f"candidate{n}@example.org")
    role = "présidente"
    motivation = "Partager nos forces avec les autres associations."

    @factory.post_generation
    def submitted(self, create, extracted, **kwargs):
        if create:
            self.steps.create(kind=JoinStepKind.SUBMITTED)
