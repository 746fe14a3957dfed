"""The representative's name and address are exported and erased on request; the request,
its association and its decision are kept."""

import pytest

from joining.models import JoinStatus, JoinStepKind
from portal import personal_data
from tests.factories.joining import JoinRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def join_request(charter):
    return JoinRequestFactory(charter_version=charter, email="Karim@Example.org",
                              first_name="Karim", last_name="Haddad",
                              status=JoinStatus.DECLINED, decision_message="Pas encore.")


def test_the_export_lists_the_requests_of_an_address_whatever_its_case(join_request):
    exported = personal_data.export("karim@example.org")["joining"]

    assert [(record["first_name"], record["status"]) for record in exported] == [
        ("Karim", "refusée")]


def test_erasing_blanks_the_representative_and_keeps_the_decision(join_request):
    changed = personal_data.erase("karim@example.org")["joining"]

    join_request.refresh_from_db()
    assert changed == 1
    assert (join_request.first_name, join_request.last_name, join_request.email) == ("", "", "")
    assert join_request.status == JoinStatus.DECLINED
    assert join_request.decision_message == "Pas encore."
    assert join_request.steps.filter(kind=JoinStepKind.ERASED).exists()


def test_erasing_twice_changes_nothing_more(join_request):
    personal_data.erase("karim@example.org")

    assert personal_data.erase("karim@example.org")["joining"] == 0
