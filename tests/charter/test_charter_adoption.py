"""A version of the charter is adopted by a decision of the register, cited by its number
(charter/adoptions.py, filled by the governance): the number is checked, the date taken from
the decision, the version keeps the number, and the charter links the decision's public page.
Versions adopted before the register keep their free text."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from charter import adoptions
from charter.models import CharterVersion
from extranet.governance.adoptions import charter_decisions
from extranet.governance.models import Outcome
from tests.factories.charter import ADOPTED_ON, CharterPageFactory, amend_charter
from tests.factories.decisions import DecisionsPageFactory, decide

pytestmark = pytest.mark.django_db

DECIDED_ON = ADOPTED_ON + datetime.timedelta(days=60)


@pytest.fixture
def charter(home_page):
    return CharterPageFactory(parent=home_page)


@pytest.fixture
def decisions_page(home_page):
    return DecisionsPageFactory(parent=home_page)


@pytest.fixture
def adopting(db):
    return decide(title="Adoption de la version 2 de la charte", on=DECIDED_ON)


def amend_by_decision(page, number):
    return amend_charter(page, decision_number=number, adopted_on=None, adopted_by="",
                         change_summary="L'article 1 est précisé.")


def test_the_governance_registers_its_lookup_of_the_register():
    assert charter_decisions in adoptions._lookups


def test_a_version_adopted_by_a_register_decision_keeps_its_number_and_date(charter, adopting):
    amend_by_decision(charter, adopting.number)

    version = charter.versions.order_by("-number").first()
    assert version.number == 2
    assert version.decision_number == adopting.number
    assert version.adopted_on == DECIDED_ON
    assert version.adopted_by == ""


def test_the_date_of_adoption_is_taken_from_the_decision(charter, adopting):
    page = amend_charter(charter, decision_number=adopting.number,
                         adopted_on=DECIDED_ON + datetime.timedelta(days=5), adopted_by="")

    assert page.adopted_on == DECIDED_ON


def test_a_page_citing_an_unknown_number_is_refused_with_a_clear_message(charter):
    with pytest.raises(ValidationError) as error:
        amend_by_decision(charter, "2026-999")

    message = " ".join(error.value.message_dict["decision_number"])
    assert "n'a pas de décision n° 2026-999" in message
    assert charter.versions.count() == 1


def test_a_rejected_decision_cannot_adopt_the_charter(charter):
    rejected = decide(title="Révision de la charte", outcome=Outcome.REJECTED, on=DECIDED_ON)

    with pytest.raises(ValidationError) as error:
        amend_by_decision(charter, rejected.number)

    assert "n'a pas adopté la proposition" in " ".join(error.value.message_dict["decision_number"])
    assert charter.versions.count() == 1


def test_a_new_text_cannot_cite_the_decision_of_the_previous_version(charter, adopting):
    amend_by_decision(charter, adopting.number)

    with pytest.raises(ValidationError) as error:
        amend_charter(charter, parts=(("Nos valeurs", [("Un seul article", "<p>Court.</p>")]),),
                      decision_number=adopting.number, adopted_on=None, adopted_by="")

    assert "decision_number" in error.value.message_dict


def test_a_decision_older_than_the_last_version_is_refused(charter):
    older = decide(title="Ancienne décision", on=ADOPTED_ON - datetime.timedelta(days=10))

    with pytest.raises(ValidationError) as error:
        amend_by_decision(charter, older.number)

    assert "adoptée après la version 1" in " ".join(error.value.message_dict["decision_number"])


def test_the_charter_says_which_decision_adopted_it_and_links_its_public_page(
        client, charter, adopting, decisions_page):
    amend_by_decision(charter, adopting.number)

    text = client.get(charter.url).text

    link = decisions_page.decision_url(adopting.number)
    assert f'<a href="{link}">Adoptée par la décision n° {adopting.number} du ' in text


def test_a_decision_that_is_not_public_is_named_without_a_link(client, charter, decisions_page):
    internal = decide(title="Adoption", is_public=False, on=DECIDED_ON)
    amend_by_decision(charter, internal.number)

    text = client.get(charter.url).text

    assert f"Adoptée par la décision n° {internal.number} du " in text
    assert decisions_page.decision_url(internal.number) not in text


def test_an_earlier_version_page_links_the_decision_that_adopted_it(
        client, charter, adopting, decisions_page):
    amend_by_decision(charter, adopting.number)
    later = decide(title="Adoption de la version 3", on=DECIDED_ON + datetime.timedelta(days=30))
    amend_charter(charter, parts=(("Nos valeurs", [("Un seul article", "<p>Court.</p>")]),),
                  decision_number=later.number, adopted_on=None, adopted_by="")

    text = client.get(f"{charter.url}version/2/").text

    assert f'href="{decisions_page.decision_url(adopting.number)}"' in text
    assert f"décision n° {adopting.number} du registre" in text


def test_a_version_written_with_free_text_keeps_showing_it(client, charter, adopting):
    amend_by_decision(charter, adopting.number)

    text = client.get(charter.url).text

    assert "Assemblée générale constitutive du 14 mars 2026" in text
    assert CharterVersion.objects.get(number=1).decision_number == ""


def test_the_charter_page_with_register_decisions_runs_a_bounded_number_of_queries(
        client, charter, adopting, decisions_page, django_assert_max_num_queries):
    amend_by_decision(charter, adopting.number)
    client.get(charter.url)

    with django_assert_max_num_queries(25):
        assert client.get(charter.url).status_code == 200
