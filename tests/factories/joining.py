import factory
import wagtail_factories
from django.utils import timezone

from directory.models import Sector
from home.charter import CharterVersion
from joining.models import JoinPage, JoinRequest, JoinStepKind


class CharterVersionFactory(factory.django.DjangoModelFactory):
    """A published version of the charter (pass `page=`), numbered in sequence."""

    class Meta:
        model = CharterVersion

    number = factory.Sequence(lambda n: n + 1)
    title = "Charte du collectif"
    preamble = "Ensemble, les associations se font entendre."
    published_at = factory.LazyFunction(timezone.now)


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
