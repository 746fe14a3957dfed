"""The observatory's figures: validated reports only, by year and by year and sector, with the
value of the hours, the jobs and the money, the change from the year before, and the
statistical secrecy that keeps non-consenting associations out of sight."""

from decimal import Decimal

import pytest

from extranet.impact import figures
from extranet.impact.models import Status
from tests.factories.impact import (
    HourlyValueFactory,
    ImpactReportFactory,
    ReportActivityFactory,
    sector,
)

pytestmark = pytest.mark.django_db

VALIDATED = Status.VALIDATED


def report(year=2025, status=VALIDATED, consent=True, hours=1000, people=100, code="006000",
           **fields):
    made = ImpactReportFactory(year=year, status=status, public_consent=consent, **fields)
    ReportActivityFactory(report=made, sector=sector(code), volunteer_hours=hours,
                          people_reached=people)
    return made


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.RETURNED])
def test_reports_not_validated_count_nowhere(status):
    report(status=status, review_comment="À corriger" if status == Status.RETURNED else "")

    assert figures.compute()["years"] == []
    assert figures.latest() is None


def test_a_year_adds_up_the_hours_and_people_of_its_validated_reports():
    for hours in (1000, 2000, 3000):
        report(hours=hours, people=10)
    report(status=Status.SUBMITTED, hours=50_000)

    row = figures.latest()

    assert (row["year"], row["reports"]) == (2025, 3)
    assert row["volunteer_hours"] == 6000
    assert row["people_reached"] == 30
    assert row["volunteers"] == 60


def test_the_hours_are_valued_at_the_hourly_value_of_their_year_rounded_to_the_euro():
    HourlyValueFactory(year=2024, amount="11.65", source="SMIC 2024")
    for hours in (1000, 1000, 1001):
        report(hours=hours)

    row = figures.latest()

    assert row["hourly_value"]["year"] == 2024
    assert row["value_euros"] == Decimal("34962")  # 3001 × 11.65 = 34 961.65


def test_without_an_hourly_value_the_hours_have_no_euro_value():
    for _ in range(3):
        report()

    assert figures.latest()["value_euros"] is None


def test_precarious_jobs_are_pooled_over_the_associations():
    report(staff_permanent=8, staff_fixed_term=1, staff_subsidised=1, staff_part_time=5)
    report(staff_permanent=0, staff_fixed_term=0, staff_subsidised=0, staff_part_time=0)
    report(staff_permanent=0, staff_fixed_term=3, staff_subsidised=2, staff_part_time=0)

    row = figures.latest()

    assert row["staff"]["total"] == 15
    assert row["precarious_share"] == pytest.approx(46.7)  # 7 of 15
    assert row["part_time_share"] == pytest.approx(33.3)


def test_money_shares_weigh_each_association_the_same():
    report(public_grants_share=10, calls_for_projects_share=80)
    report(public_grants_share=20, calls_for_projects_share=50)
    report(public_grants_share=60, calls_for_projects_share=5)

    row = figures.latest()

    assert row["public_grants_share"] == 30.0
    assert row["calls_for_projects_share"] == 45.0
    assert row["calls_majority"] == 2


def test_the_change_from_the_year_before_is_given_in_percent():
    HourlyValueFactory(year=2024, amount="10.00")
    for _ in range(3):
        report(year=2024, hours=1000, people=100)
        report(year=2025, hours=1500, people=90)

    row = figures.latest()

    assert row["change"] == {"volunteer_hours": 50.0, "people_reached": -10.0,
                             "value_euros": 50.0}
    assert figures.year(2024)["change"]["volunteer_hours"] is None


def test_an_association_that_did_not_consent_is_not_listed():
    report(consent=True, association__name="Les Restos de Chelles")
    report(consent=False, association__name="Discrète association")

    names = [row["name"] for row in figures.compute()["associations"]]

    assert names == ["Les Restos de Chelles"]


def test_a_small_sector_with_a_non_consenting_report_is_hidden():
    for _ in range(3):
        report(code="006000")
    report(code="019000", consent=False, hours=777)

    cells = {row["code"]: row for row in figures.compute()["sectors"][2025]}

    assert cells["019000"]["hidden"] is True
    assert cells["019000"]["volunteer_hours"] is None


def test_a_lone_hidden_sector_hides_the_smallest_other_sector_too():
    for _ in range(3):
        report(code="006000")
    report(code="011000")
    report(code="019000", consent=False)

    cells = {row["code"]: row for row in figures.compute()["sectors"][2025]}

    assert cells["011000"]["hidden"] is True
    assert cells["006000"]["hidden"] is False


def test_a_small_sector_is_shown_when_all_its_reports_consented():
    report(code="019000", hours=400)
    report(code="019000", hours=300)

    cell = figures.compute()["sectors"][2025][0]

    assert (cell["hidden"], cell["volunteer_hours"]) == (False, 700)


def test_a_sector_of_three_reports_is_shown_even_without_consent():
    for _ in range(3):
        report(code="019000", consent=False)

    cell = figures.compute()["sectors"][2025][0]

    assert (cell["hidden"], cell["reports"]) == (False, 3)


def test_a_year_of_one_non_consenting_report_is_hidden_entirely():
    report(year=2024, consent=False, hours=999)

    row = figures.year(2024)

    assert row["hidden"] is True
    assert row["volunteer_hours"] is None
    assert figures.latest() is None


def test_changing_an_hourly_value_changes_the_cached_euro_figure_at_once():
    value = HourlyValueFactory(year=2025, amount="10.00")
    for _ in range(3):
        report(hours=100)
    assert figures.latest()["value_euros"] == Decimal("3000")

    value.amount = Decimal("12.00")
    value.save()

    assert figures.latest()["value_euros"] == Decimal("3600")


def test_the_figures_are_cached_until_a_report_changes(django_assert_num_queries):
    for _ in range(3):
        report()
    figures.figures()

    with django_assert_num_queries(0):
        figures.figures()

    report()
    assert figures.latest()["reports"] == 4


def test_named_associations_figures_are_withheld_when_one_of_the_year_did_not_agree():
    for _ in range(3):
        ImpactReportFactory(status=Status.VALIDATED, public_consent=True, with_activity=True)
    ImpactReportFactory(status=Status.VALIDATED, public_consent=False, with_activity=True)

    named = figures.compute()["associations"]

    assert len(named) == 3
    assert all(row["figures_withheld"] and row["volunteer_hours"] is None for row in named)


def test_the_named_associations_figures_are_shown_when_all_of_the_year_agreed():
    for _ in range(3):
        ImpactReportFactory(status=Status.VALIDATED, public_consent=True, with_activity=True)

    named = figures.compute()["associations"]

    assert [row["volunteer_hours"] for row in named] == [1200, 1200, 1200]
    assert not any(row["figures_withheld"] for row in named)


def test_the_named_associations_figures_are_shown_when_three_of_the_year_did_not_agree():
    ImpactReportFactory(status=Status.VALIDATED, public_consent=True, with_activity=True)
    for _ in range(3):
        ImpactReportFactory(status=Status.VALIDATED, public_consent=False, with_activity=True)

    [named] = figures.compute()["associations"]

    assert named["volunteer_hours"] == 1200
