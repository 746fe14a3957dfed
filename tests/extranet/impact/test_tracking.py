"""The coordinators' tracking list of a year's reports: a row per member association (and per
association that reported that year even if it has left), its report's state, the counts by
state, the filters, and a bounded number of queries whatever the number of associations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.impact import years
from extranet.impact.models import ReportReminder, Status
from tests.extranet.impact.review_helpers import report_of
from tests.factories import AssociationFactory

pytestmark = pytest.mark.django_db

URL = reverse("extranet:impact_reports")


def tracking(client, coordinator, **query):
    client.force_login(coordinator)
    return client.get(URL, query)


def statuses(response):
    return {row.association.name: row.status for row in response.context["rows"]}


def test_a_member_association_without_a_report_is_not_started(
    client, coordinator, association
):
    response = tracking(client, coordinator)

    assert statuses(response)[association.name] == "not_started"


def test_each_row_says_the_reports_state(client, coordinator, association, neighbour):
    report_of(association, status=Status.SUBMITTED)
    report_of(neighbour, status=Status.RETURNED, review_comment="Les heures ?")

    rows = statuses(tracking(client, coordinator))

    assert (rows[association.name], rows[neighbour.name]) == ("submitted", "returned")


def test_an_association_that_left_is_listed_with_its_report(client, coordinator):
    former = AssociationFactory(name="Ancienne membre", is_member=False)
    report_of(former, status=Status.VALIDATED)

    response = tracking(client, coordinator)

    assert statuses(response)["Ancienne membre"] == "validated"
    assert "n'est plus membre" in response.content.decode()


def test_an_association_that_is_not_a_member_and_did_not_report_is_not_listed(
    client, coordinator
):
    AssociationFactory(name="Jamais membre", is_member=False)

    assert "Jamais membre" not in statuses(tracking(client, coordinator))


def test_the_list_counts_the_associations_by_state(
    client, coordinator, association, neighbour
):
    report_of(association, status=Status.SUBMITTED)

    counts = {status: number for status, _label, number
              in tracking(client, coordinator).context["counts"]}

    assert counts["submitted"] == 1
    assert counts["not_started"] >= 1
    assert counts["validated"] == 0


def test_the_list_filters_by_state(client, coordinator, association, neighbour):
    report_of(association, status=Status.SUBMITTED)

    response = tracking(client, coordinator, etat="submitted")

    assert statuses(response) == {association.name: "submitted"}


def test_the_list_filters_the_associations_not_started(
    client, coordinator, association, neighbour
):
    report_of(association, status=Status.DRAFT)

    rows = statuses(tracking(client, coordinator, etat="not_started"))

    assert neighbour.name in rows
    assert association.name not in rows


def test_the_list_shows_the_open_year_by_default(client, coordinator, association):
    report_of(association, year=years.open_year() - 1, status=Status.VALIDATED)

    response = tracking(client, coordinator)

    assert response.context["year"] == years.open_year()
    assert statuses(response)[association.name] == "not_started"


def test_the_list_shows_an_earlier_year_with_reports(client, coordinator, association):
    earlier = years.open_year() - 1
    report_of(association, year=earlier, status=Status.VALIDATED)

    response = tracking(client, coordinator, annee=earlier)

    assert statuses(response)[association.name] == "validated"


def test_the_list_shows_the_last_reminder(client, coordinator, association):
    ReportReminder.objects.create(association=association, year=years.open_year())

    (row,) = [row for row in tracking(client, coordinator).context["rows"]
              if row.association == association]

    assert row.last_reminder.date() == timezone.now().date()


def many_associations(number):
    """`number` member associations, their reports in every state, some reminded."""
    states = [None, Status.DRAFT, Status.SUBMITTED, Status.VALIDATED]
    for index in range(number):
        association = AssociationFactory(is_member=True)
        if states[index % 4]:
            report_of(association, status=states[index % 4])
        if index % 3 == 0:
            ReportReminder.objects.create(association=association, year=years.open_year())


def queries_of(client, coordinator):
    client.get(URL)  # the session and the coordinator's memberships, read once
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL).status_code == 200
    return len(context)


def test_the_list_takes_as_many_queries_for_50_associations_as_for_5(client, coordinator):
    client.force_login(coordinator)
    many_associations(5)
    few = queries_of(client, coordinator)
    many_associations(45)

    assert queries_of(client, coordinator) == few


@pytest.mark.parametrize("number", [5, 50])
def test_the_list_reads_a_bounded_number_of_queries(
    client, coordinator, number, django_assert_max_num_queries
):
    many_associations(number)
    client.force_login(coordinator)
    client.get(URL)  # the site's settings, menus and pages, cached after the first visit

    # The session, the coordinator and their memberships, the site and its settings, the
    # coordinator's permissions (2); the years, the page's count, its rows, the counts.
    with django_assert_max_num_queries(11):
        response = client.get(URL)

    assert len(response.context["rows"]) >= number


def test_coordinators_find_the_list_in_the_menu(client, coordinator):
    client.force_login(coordinator)

    response = client.get(reverse("extranet:home"))

    nav = response.text.split('class="extranet-nav"')[1].split("</nav>")[0]
    assert f'href="{URL}"' in nav


def test_members_do_not_find_the_list_in_the_menu(client, member):
    client.force_login(member)

    response = client.get(reverse("extranet:home"))

    assert f'href="{URL}"' not in response.text
