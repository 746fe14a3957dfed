"""The demo charter: two versions, an English page, signatures; seed_demo twice adds none."""

import io

import pytest
from django.core.management import call_command

from charter.models import CharterPage, CharterSignature, CharterVersion

pytestmark = pytest.mark.django_db


def test_seed_demo_makes_the_charter_once_with_two_versions_and_signatures(client):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())

    assert CharterPage.objects.count() == 2  # French and English
    assert list(CharterVersion.objects.values_list("number", flat=True)) == [2, 1]
    assert CharterSignature.objects.count() == 5
    response = client.get("/charte/comparer/")
    assert "Ajouté" in response.text and "Modifié" in response.text
