"""The figures a report's form asks about before submitting (extranet/impact/warnings.py)."""

import pytest

from extranet.impact.warnings import figures_of, unusual
from tests.factories.impact import ImpactReportFactory, ReportActivityFactory

FIGURES = {"volunteers": 20, "staff": 4, "volunteer_hours": 2000, "people_reached": 150}


def test_ordinary_figures_raise_no_warning():
    assert unusual(FIGURES, FIGURES, 2024) == []


def test_more_than_the_usual_hours_per_volunteer_is_asked_about():
    warnings = unusual({**FIGURES, "volunteers": 2, "volunteer_hours": 2500})

    assert len(warnings) == 1
    assert "plus de 1000 heures par personne" in warnings[0]


def test_volunteers_without_hours_are_asked_about():
    assert "aucune heure" in unusual({**FIGURES, "volunteer_hours": 0})[0]


def test_hours_without_volunteers_are_asked_about():
    assert "aucun bénévole" in unusual({**FIGURES, "volunteers": 0})[0]


def test_a_figure_more_than_three_times_last_years_is_asked_about():
    warnings = unusual({**FIGURES, "people_reached": 500}, FIGURES, 2024)

    assert warnings == ["Les personnes touchées passe de 150 en 2024 à 500 : un écart de plus "
                        "de 3 fois. Vérifiez le chiffre."]


def test_a_figure_less_than_a_third_of_last_years_is_asked_about():
    assert len(unusual({**FIGURES, "staff": 1}, FIGURES, 2024)) == 1


def test_a_figure_missing_last_year_is_not_compared():
    assert unusual(FIGURES, {**FIGURES, "staff": None}, 2024) == []


@pytest.mark.django_db
def test_the_figures_of_a_report_sum_its_activities():
    report = ImpactReportFactory(volunteers=3, staff_permanent=1, staff_fixed_term=1,
                                 staff_subsidised=0)
    ReportActivityFactory(report=report, volunteer_hours=10, people_reached=4)

    assert figures_of(report) == {"volunteers": 3, "staff": 2, "volunteer_hours": 10,
                                  "people_reached": 4}
