"""The decision register in the Wagtail admin: read only (list, filters, inspect), nobody
adds, changes nor deletes a decision there; the bodies are created and changed, never
deleted."""

import datetime

import pytest

from extranet.governance.models import Body, Decision
from portal.editorial import setup_editorial_roles
from tests.factories import BodyFactory, UserFactory
from tests.factories.decisions import decide

pytestmark = pytest.mark.django_db

DECISIONS = "/admin/snippets/governance/decision/"
BODIES = "/admin/snippets/governance/body/"
LAST_YEAR = datetime.date.today().year - 1


@pytest.fixture
def decision(db):
    return decide(title="Position sur les locaux", on=datetime.date(LAST_YEAR, 5, 4))


def test_the_register_lists_the_decisions(admin_client, decision):
    response = admin_client.get(DECISIONS)

    assert response.status_code == 200
    assert decision.number in response.text
    assert "Position sur les locaux" in response.text


def test_the_register_is_filtered_by_year_and_public(admin_client, decision):
    decide(title="Décision interne", is_public=False, on=datetime.date(LAST_YEAR - 1, 5, 4))

    by_year = admin_client.get(DECISIONS, {"year": LAST_YEAR}).text
    private = admin_client.get(DECISIONS, {"is_public": "false"}).text

    assert "Position sur les locaux" in by_year and "Décision interne" not in by_year
    assert "Décision interne" in private and "Position sur les locaux" not in private


def test_the_register_is_filtered_by_body(admin_client, decision):
    committee = BodyFactory(name="Comité de coordination")
    decide(committee, title="Décision du comité")

    text = admin_client.get(DECISIONS, {"body": committee.pk}).text

    assert "Décision du comité" in text
    assert "Position sur les locaux" not in text


def test_the_register_list_runs_a_bounded_number_of_queries(
        admin_client, decision, django_assert_max_num_queries):
    for n in range(10):
        decide(BodyFactory(), title=f"Décision {n}")
    admin_client.get(DECISIONS)

    with django_assert_max_num_queries(40):
        assert admin_client.get(DECISIONS).status_code == 200


def test_a_decision_is_inspected(admin_client, decision):
    response = admin_client.get(f"{DECISIONS}inspect/{decision.pk}/")

    assert response.status_code == 200
    assert "Le collectif demande" in response.text


def test_nobody_adds_edits_or_deletes_a_decision_not_even_a_superuser(admin_client, decision):
    assert admin_client.get(f"{DECISIONS}add/").status_code in (302, 403)
    assert admin_client.get(f"{DECISIONS}edit/{decision.pk}/").status_code in (302, 403)
    assert admin_client.get(f"{DECISIONS}delete/{decision.pk}/").status_code in (302, 403)


def test_a_post_to_the_admin_changes_no_decision(admin_client, decision):
    admin_client.post(f"{DECISIONS}edit/{decision.pk}/", {"title": "Autre chose"})
    admin_client.post(f"{DECISIONS}delete/{decision.pk}/")
    admin_client.post(f"/admin/bulk/governance/decision/delete/?id={decision.pk}")

    kept = Decision.objects.get(pk=decision.pk)
    assert kept.title == "Position sur les locaux"
    assert kept.hash == decision.hash


def test_the_list_offers_no_edit_nor_delete_link(admin_client, decision):
    text = admin_client.get(DECISIONS).text

    assert f"{DECISIONS}edit/{decision.pk}/" not in text
    assert f"{DECISIONS}delete/{decision.pk}/" not in text


def test_an_editor_without_permission_does_not_see_the_register(client, decision):
    roles = setup_editorial_roles()
    client.force_login(UserFactory(groups=[roles.editors]))

    assert client.get(DECISIONS).status_code in (302, 403)


def test_a_body_is_created_in_the_admin(admin_client):
    response = admin_client.post(f"{BODIES}add/", {
        "name": "Comité des finances", "slug": "", "kind": "other", "description": "",
        "quorum_percent": 50, "majority": "simple", "max_proxies_per_holder": 1,
        "coordination_term_months": "", "archived_on": ""})

    assert response.status_code == 302
    assert Body.objects.get(name="Comité des finances").slug == "comite-des-finances"


def test_nobody_deletes_a_body(admin_client):
    body = BodyFactory()

    assert admin_client.get(f"{BODIES}delete/{body.pk}/").status_code in (302, 403)
    admin_client.post(f"{BODIES}delete/{body.pk}/")
    assert Body.objects.filter(pk=body.pk).exists()
