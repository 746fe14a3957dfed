"""The demo charter: two versions, an English page, signatures; seed_demo twice adds none."""

import datetime
import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command

from charter.models import CharterPage, CharterSignature, CharterVersion
from demo import charter
from tests.factories.decisions import decide

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_the_charter_once_with_two_versions_and_signatures(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    assert CharterPage.objects.count() == 2  # French and English
    assert list(CharterVersion.objects.values_list("number", flat=True)) == [2, 1]
    assert CharterSignature.objects.count() == 5
    response = client.get("/charte/comparer/")
    assert "Ajouté" in response.text and "Modifié" in response.text


def test_the_second_version_cites_the_register_decision_when_the_register_has_it(home_page):
    for day in range(1, 7):
        decide(title=f"Décision {day}", on=datetime.date(2026, 1, day))
    assert decide(title="Révision de la charte", on=charter.SECOND_ADOPTED_ON).number == (
        charter.SECOND_DECISION)

    page = charter.seed(SimpleNamespace(created=0), home_page)

    version = page.versions.get(number=2)
    assert version.decision_number == charter.SECOND_DECISION
    assert version.adopted_on == charter.SECOND_ADOPTED_ON


def test_the_second_version_names_its_decision_in_free_text_without_the_register(home_page):
    page = charter.seed(SimpleNamespace(created=0), home_page)

    version = page.versions.get(number=2)
    assert version.decision_number == ""
    assert "2026-007" in version.adopted_by
