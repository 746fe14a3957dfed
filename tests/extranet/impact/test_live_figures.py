"""The impact reports' live figures: counted from the validated reports of the latest year,
counted again as soon as a report is validated or an hourly value changes."""

import pytest
from django.utils import timezone

from extranet.impact.models import Status
from portal import live_figures
from tests.factories import UserFactory
from tests.factories.impact import HourlyValueFactory, ImpactReportFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1


def validated(**fields):
    """A validated report whose association agreed to be named: alone in its year, its
    figures are not hidden by statistical secrecy."""
    return ImpactReportFactory(year=YEAR, status=Status.VALIDATED,
                               **{"public_consent": True, **fields})


def test_the_impact_reports_register_their_figures():
    keys = {figure.key for figure in live_figures.figures()}

    assert {"impact.volunteers", "impact.volunteer_hours", "impact.volunteer_value",
            "impact.people_reached", "impact.precarious_share", "impact.calls_share",
            "impact.reports"} <= keys


def test_before_any_validation_the_figures_show_nothing():
    ImpactReportFactory(year=YEAR, with_activity=True)

    assert live_figures.value("impact.volunteers") is None
    assert live_figures.value("impact.reports") is None


def test_drafts_submitted_and_returned_reports_are_not_counted():
    validated(volunteers=20, with_activity={"volunteer_hours": 1000, "people_reached": 100})
    ImpactReportFactory(year=YEAR, volunteers=300, with_activity=True)
    ImpactReportFactory(year=YEAR, status=Status.SUBMITTED, volunteers=300)
    ImpactReportFactory(year=YEAR, status=Status.RETURNED, review_comment="À revoir",
                        volunteers=300)

    assert live_figures.value("impact.volunteers") == 20
    assert live_figures.value("impact.volunteer_hours") == 1000
    assert live_figures.value("impact.people_reached") == 100
    assert live_figures.value("impact.reports") == 1


def test_only_the_latest_year_with_validated_reports_counts():
    validated(volunteers=20)
    ImpactReportFactory(year=YEAR - 1, status=Status.VALIDATED, public_consent=True,
                        volunteers=500)
    ImpactReportFactory(year=YEAR + 1, volunteers=900)

    assert live_figures.value("impact.volunteers") == 20


def test_the_value_of_volunteering_follows_the_hourly_value_of_the_year():
    validated(with_activity={"volunteer_hours": 1000})
    HourlyValueFactory(year=YEAR, amount="11.88")

    assert live_figures.value("impact.volunteer_value") == 11880


def test_a_changed_hourly_value_is_used_at_once():
    validated(with_activity={"volunteer_hours": 1000})
    hourly = HourlyValueFactory(year=YEAR, amount="11.88")
    live_figures.value("impact.volunteer_value")

    hourly.amount = "12.00"
    hourly.save()

    assert live_figures.value("impact.volunteer_value") == 12000


def test_without_an_hourly_value_the_value_of_volunteering_shows_nothing():
    validated(with_activity={"volunteer_hours": 1000})

    assert live_figures.value("impact.volunteer_value") is None


def test_the_precarious_share_counts_fixed_term_and_subsidised_contracts():
    validated(staff_permanent=2, staff_fixed_term=1, staff_subsidised=1)
    validated(staff_permanent=4, staff_fixed_term=0, staff_subsidised=0)

    assert live_figures.value("impact.precarious_share") == 25


def test_the_calls_share_is_the_mean_of_the_associations():
    validated(public_grants_share=10, calls_for_projects_share=60)
    validated(public_grants_share=10, calls_for_projects_share=20)

    assert live_figures.value("impact.calls_share") == 40


def test_a_shared_figure_shows_its_unit():
    assert live_figures.get("impact.calls_share").unit == "%"
    assert live_figures.get("impact.volunteer_value").unit == "€"


def test_a_report_validated_is_counted_at_once():
    validated(volunteers=20)
    report = ImpactReportFactory(year=YEAR, status=Status.SUBMITTED, volunteers=15,
                                 public_consent=True)
    assert live_figures.value("impact.volunteers") == 20

    report.validate(by=UserFactory())

    assert live_figures.value("impact.volunteers") == 35


def test_the_first_figure_costs_the_observatorys_few_queries(django_assert_max_num_queries):
    validated(with_activity=True)
    HourlyValueFactory(year=YEAR)

    with django_assert_max_num_queries(4):
        live_figures.value("impact.volunteer_value")


def test_the_other_figures_cost_no_query_once_the_observatory_has_counted(
        django_assert_num_queries):
    validated(with_activity=True)
    live_figures.value("impact.volunteer_value")

    with django_assert_num_queries(0):
        live_figures.value("impact.people_reached")


def test_a_year_hidden_by_statistical_secrecy_is_not_shown():
    ImpactReportFactory(year=YEAR, status=Status.VALIDATED, public_consent=False,
                        volunteers=12)

    assert live_figures.value("impact.volunteers") is None
