import factory
import wagtail_factories

from directory.models import Sector
from extranet.impact.models import (
    HourlyValue,
    ImpactReport,
    ReportActivity,
    SocialUtilityPage,
    Status,
)
from tests.factories.directory import AssociationFactory


def sector(code="006000"):
    """A sector of the RNA nomenclature (loaded by the migrations)."""
    return Sector.objects.get(code=code)


class ImpactReportFactory(factory.django.DjangoModelFactory):
    """A complete report (every figure given), a draft unless `status` says otherwise; add
    activities with ReportActivityFactory or `with_activity`."""

    class Meta:
        model = ImpactReport
        skip_postgeneration_save = True

    association = factory.SubFactory(AssociationFactory, is_member=True)
    year = 2025
    status = Status.DRAFT
    volunteers = 20
    staff_permanent = 2
    staff_fixed_term = 1
    staff_subsidised = 1
    staff_part_time = 2
    public_grants_share = 40
    calls_for_projects_share = 30
    story = "Cette année, nos bénévoles ont accompagné quarante familles."

    @factory.post_generation
    def with_activity(self, create, extracted, **kwargs):
        """`with_activity=True` (or a dict of the activity's fields) adds one activity."""
        if create and extracted:
            fields = extracted if isinstance(extracted, dict) else {}
            ReportActivityFactory(report=self, **fields)


class ReportActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportActivity

    report = factory.SubFactory(ImpactReportFactory)
    sector = factory.LazyFunction(sector)
    description = "Accompagnement des familles"
    volunteer_hours = 1200
    people_reached = 150


class HourlyValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HourlyValue
        django_get_or_create = ["year"]

    year = 2025
    amount = "11.88"
    source = "SMIC horaire brut au 1er janvier 2025"


class SocialUtilityPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SocialUtilityPage

    title = "Observatoire de l'utilité sociale"
    slug = "utilite-sociale"
    live = True
