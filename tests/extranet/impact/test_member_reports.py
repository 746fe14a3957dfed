"""The member associations fill their yearly impact report: a draft saved as often as
needed, then submitted complete; read only once submitted; editable again when sent back."""

import pytest
from django.urls import reverse

from extranet.impact.models import ImpactReport, Status
from tests.extranet.impact.conftest import FIGURES, edit_url, report_data
from tests.factories import MembershipFactory
from tests.factories.impact import ImpactReportFactory, ReportActivityFactory

pytestmark = pytest.mark.django_db


def test_the_form_of_the_open_year_creates_nothing_until_saved(client, member, association):
    client.force_login(member)

    response = client.get(edit_url(association))

    assert response.status_code == 200
    assert not ImpactReport.objects.exists()


def test_a_draft_is_saved_with_blanks(client, member, association, open_year):
    client.force_login(member)
    data = report_data(figures={**FIGURES, "volunteers": "", "staff_permanent": ""})

    response = client.post(edit_url(association), data)

    assert response.status_code == 302
    report = ImpactReport.objects.get(association=association, year=open_year)
    assert report.status == Status.DRAFT
    assert report.volunteers is None
    assert report.activities.get().volunteer_hours == 900
    assert report.updated_by == member


def test_a_complete_report_is_submitted(client, member, association, open_year):
    client.force_login(member)

    response = client.post(edit_url(association), report_data("submit"))

    assert response.status_code == 302
    report = ImpactReport.objects.get(association=association, year=open_year)
    assert report.status == Status.SUBMITTED
    assert report.submitted_by == member
    assert not report.unusual_confirmed


def test_an_incomplete_report_is_saved_but_not_submitted_and_says_what_is_missing(
        client, member, association):
    client.force_login(member)
    data = report_data("submit", figures={**FIGURES, "volunteers": ""}, lines=[])

    response = client.post(edit_url(association), data)

    assert response.status_code == 200
    report = ImpactReport.objects.get(association=association)
    assert report.status == Status.DRAFT
    errors = " ".join(response.context["refusals"])
    assert "bénévoles" in errors
    assert "au moins une activité" in errors


def test_a_negative_figure_is_refused(client, member, association):
    client.force_login(member)

    response = client.post(edit_url(association),
                           report_data(figures={**FIGURES, "volunteers": "-3"}))

    assert response.status_code == 200
    assert response.context["form"].has_error("volunteers")
    assert not ImpactReport.objects.exists()


def test_a_negative_activity_figure_is_refused(client, member, association):
    client.force_login(member)
    line = {"sector": "006000", "volunteer_hours": -5, "people_reached": 10}

    response = client.post(edit_url(association), report_data(lines=[line]))

    assert response.status_code == 200
    assert response.context["formset"].forms[0].has_error("volunteer_hours")


def test_shares_above_100_together_are_refused_with_a_message(client, member, association):
    client.force_login(member)
    figures = {**FIGURES, "public_grants_share": "70", "calls_for_projects_share": "40"}

    response = client.post(edit_url(association), report_data(figures=figures))

    assert response.status_code == 200
    errors = response.context["form"].errors["calls_for_projects_share"]
    assert "ne peuvent dépasser 100 % de vos ressources" in " ".join(errors)
    assert not ImpactReport.objects.exists()


def test_a_sector_twice_is_refused(client, member, association):
    client.force_login(member)
    line = {"sector": "006000", "volunteer_hours": 10, "people_reached": 10}

    response = client.post(edit_url(association), report_data(lines=[line, line]))

    assert response.status_code == 200
    assert "qu'une fois" in " ".join(response.context["formset"].non_form_errors())


def test_last_years_figures_are_shown_with_its_status(client, member, association, open_year):
    ImpactReportFactory(association=association, year=open_year - 1, volunteers=7,
                        status=Status.VALIDATED)
    client.force_login(member)

    response = client.get(edit_url(association))

    assert f"{open_year - 1} : 7" in response.content.decode()
    assert "validé" in response.content.decode()


def test_a_submitted_report_is_shown_read_only(client, member, association, open_year):
    ImpactReportFactory(association=association, year=open_year, status=Status.SUBMITTED,
                        with_activity=True)
    client.force_login(member)

    response = client.get(edit_url(association))

    assert response.status_code == 200
    assert "form" not in response.context
    assert response.templates[0].name == "extranet/impact/report_detail.html"


def test_a_submitted_report_refuses_a_post(client, member, association, open_year):
    report = ImpactReportFactory(association=association, year=open_year,
                                 status=Status.SUBMITTED, volunteers=20)
    client.force_login(member)

    response = client.post(edit_url(association), report_data(figures={**FIGURES}))

    assert response.status_code == 403
    report.refresh_from_db()
    assert report.volunteers == 20


def test_a_returned_report_of_an_earlier_year_is_corrected_and_submitted_again(
        client, member, association, open_year):
    report = ImpactReportFactory(association=association, year=open_year - 1,
                                 status=Status.RETURNED, review_comment="Les heures ?")
    activity = ReportActivityFactory(report=report, volunteer_hours=1200)
    client.force_login(member)
    line = {"id": activity.pk, "sector": "006000", "volunteer_hours": 1000,
            "people_reached": 150}

    page = client.get(edit_url(association, open_year - 1))
    response = client.post(edit_url(association, open_year - 1),
                           report_data("submit", lines=[line], initial=1))

    assert "Les heures ?" in page.content.decode()
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.SUBMITTED
    assert report.activities.get().volunteer_hours == 1000


def test_an_earlier_year_without_report_is_not_found(client, member, association, open_year):
    client.force_login(member)

    assert client.get(edit_url(association, open_year - 1)).status_code == 404


def test_a_year_to_come_is_not_found(client, member, association, open_year):
    client.force_login(member)

    assert client.get(edit_url(association, open_year + 1)).status_code == 404


def test_the_people_of_another_association_are_refused(client, neighbour, association):
    client.force_login(MembershipFactory(association=neighbour).person)

    assert client.get(edit_url(association)).status_code == 403


def test_a_coordinator_reads_the_form_but_may_not_post(client, coordinator, association):
    client.force_login(coordinator)

    assert client.get(edit_url(association)).status_code == 200
    assert client.post(edit_url(association), report_data()).status_code == 403
    assert not ImpactReport.objects.exists()


def test_the_home_lists_the_reports_and_the_open_year_to_fill(
        client, member, association, open_year):
    ImpactReportFactory(association=association, year=open_year - 1, status=Status.RETURNED,
                        review_comment="Il manque le récit.")
    client.force_login(member)

    response = client.get(reverse("extranet:impact_home"))

    content = response.content.decode()
    assert f"Remplir le rapport {open_year}" in content
    assert "Il manque le récit." in content
    assert edit_url(association) in content


def test_the_home_reads_its_reports_in_few_queries(
        client, member, association, open_year, django_assert_max_num_queries):
    for year in range(open_year - 5, open_year + 1):
        ImpactReportFactory(association=association, year=year)
    client.force_login(member)
    client.get(reverse("extranet:impact_home"))  # the site's settings are made once

    # The session, the person, their memberships, the reports, who coordinates, then the
    # site's settings, menus and permissions of every page.
    with django_assert_max_num_queries(15):
        client.get(reverse("extranet:impact_home"))


def test_unusual_figures_are_asked_about_before_submitting(
        client, member, association, open_year):
    ImpactReportFactory(association=association, year=open_year - 1, volunteers=5)
    client.force_login(member)

    response = client.post(edit_url(association), report_data("submit"))

    assert response.status_code == 200
    assert "Le nombre de bénévoles passe de 5" in " ".join(response.context["warnings"])
    assert "unusual_confirmed" in response.content.decode()
    assert ImpactReport.objects.get(year=open_year).status == Status.DRAFT


def test_unusual_figures_confirmed_are_submitted(client, member, association, open_year):
    ImpactReportFactory(association=association, year=open_year - 1, volunteers=5)
    client.force_login(member)

    response = client.post(edit_url(association),
                           report_data("submit", unusual_confirmed="on"))

    assert response.status_code == 302
    report = ImpactReport.objects.get(year=open_year)
    assert report.status == Status.SUBMITTED
    assert report.unusual_confirmed
