"""The extranet's home reminds an association's people of the open year's report until it is
submitted, and its menu leads to the reports."""

import pytest
from django.urls import reverse

from extranet.impact.models import Status
from tests.extranet.impact.conftest import edit_url
from tests.factories.impact import ImpactReportFactory

pytestmark = pytest.mark.django_db


def test_the_home_reminds_of_the_report_not_submitted_yet(client, member, association):
    client.force_login(member)

    content = client.get(reverse("extranet:home")).content.decode()

    assert "pas encore soumis" in content
    assert edit_url(association) in content


def test_the_home_says_nothing_once_the_report_is_submitted(
        client, member, association, open_year):
    ImpactReportFactory(association=association, year=open_year, status=Status.SUBMITTED)
    client.force_login(member)

    content = client.get(reverse("extranet:home")).content.decode()

    assert "pas encore soumis" not in content


def test_the_menu_leads_to_the_reports(client, member):
    client.force_login(member)

    content = client.get(reverse("extranet:home")).content.decode()

    assert f'href="{reverse("extranet:impact_home")}"' in content
