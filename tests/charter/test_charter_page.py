"""The charter's page: its numbered text, its adoption, its signatories, its history, an
earlier version, the print layout and the English page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.models import CharterPage
from charter.services import sign_charter
from portal.dates import long_date
from tests.factories import AssociationFactory, DirectoryPageFactory
from tests.factories.charter import (
    ADOPTED_ON,
    CharterPageFactory,
    CharterSignatureFactory,
    amend_charter,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def charter(home_page):
    return CharterPageFactory(parent=home_page)


def test_the_page_shows_the_articles_numbered_with_anchors_and_a_table_of_contents(
        client, charter):
    response = client.get(charter.url)

    assert response.status_code == 200
    assert 'id="article-3"' in response.text
    assert '<a href="#article-3">Article 3 · Participer</a>' in response.text
    assert "Chaque membre participe aux assemblées." in response.text
    assert "Les associations du département se rassemblent." in response.text


def test_the_page_says_which_version_it_is_and_the_decision_that_adopted_it(client, charter):
    charter.decision_url = "https://example.org/registre/2026-03"
    charter.save_revision().publish()

    response = client.get(charter.url)

    assert "<strong>Version 1</strong> · Adoptée le 14 mars 2026 par" in response.text
    assert ('<a href="https://example.org/registre/2026-03">Assemblée générale constitutive '
            'du 14 mars 2026</a>') in response.text


def test_the_history_lists_the_versions_with_a_link_to_read_each_earlier_one(client, charter):
    amend_charter(charter, change_summary="L'article 1 est précisé.")

    response = client.get(charter.url)

    assert "Version 2 (en vigueur)" in response.text
    assert f'href="{charter.url}version/1/"' in response.text
    assert "L&#x27;article 1 est précisé." in response.text
    assert 'name="de"' in response.text and 'name="a"' in response.text


def test_the_signatories_are_listed_once_with_the_latest_version_they_signed(
        client, charter, home_page):
    DirectoryPageFactory(parent=home_page)
    amend_charter(charter)
    first, second = charter.versions.order_by("number")
    association = AssociationFactory(name="Les Jardins partagés de Vaires")
    sign_charter(association, first, on=ADOPTED_ON)
    sign_charter(association, second, on=second.adopted_on + datetime.timedelta(days=2))

    response = client.get(charter.url)

    assert response.text.count("Les Jardins partagés de Vaires") == 1
    signed_on = second.adopted_on + datetime.timedelta(days=2)
    assert f"version 2, signée le {long_date(signed_on)}" in response.text
    assert f'href="/annuaire/{association.slug}/"' in response.text
    assert "1 association a signé la charte." in response.text


def test_the_signatories_are_sorted_by_name(client, charter):
    version = charter.versions.get()
    for name in ("Zèbres solidaires", "Amicale des aînés", "Maison des jeunes"):
        CharterSignatureFactory(version=version, association__name=name)

    text = client.get(charter.url).text

    assert text.index("Amicale des aînés") < text.index("Maison des jeunes") < text.index(
        "Zèbres solidaires")
    assert "3 associations ont signé la charte." in text


def test_dissolved_and_unpublished_associations_are_not_listed(client, charter):
    version = charter.versions.get()
    CharterSignatureFactory(version=version, association__name="Toujours là")
    CharterSignatureFactory(version=version, association__name="Dissoute depuis",
                            association__dissolved_on=datetime.date(2026, 6, 1))
    CharterSignatureFactory(version=version, association__name="Retirée de l'annuaire",
                            association__published=False)

    text = client.get(charter.url).text

    assert "Toujours là" in text
    assert "Dissoute depuis" not in text
    assert "Retirée de l" not in text
    assert "1 association a signé la charte." in text


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_page_runs_as_many_queries_with_many_signatures_as_with_one(
        client, charter, home_page, django_assert_max_num_queries):
    DirectoryPageFactory(parent=home_page)
    amend_charter(charter)
    first, second = charter.versions.order_by("number")
    CharterSignatureFactory(version=first)
    few = count_queries(client, charter.url)
    for _index in range(15):
        signature = CharterSignatureFactory(version=first)
        sign_charter(signature.association, second, on=second.adopted_on)

    with django_assert_max_num_queries(few):
        response = client.get(charter.url)

    assert "16 associations ont signé la charte." in response.text


def test_an_earlier_version_is_shown_as_adopted_and_marked_not_current(client, charter):
    amend_charter(charter)

    response = client.get(charter.url + "version/1/")

    assert response.status_code == 200
    assert "Ce n'est pas la version en vigueur de la charte." in response.text
    assert "Chaque association pèse le même poids." in response.text
    assert "exactement" not in response.text
    assert f'href="{charter.url}comparer/?de=1&amp;a=2"' in response.text


def test_the_current_version_address_leads_to_the_page(client, charter):
    response = client.get(charter.url + "version/1/")

    assert response.status_code == 302
    assert response.url == charter.url


def test_an_unknown_version_is_not_found(client, charter):
    assert client.get(charter.url + "version/7/").status_code == 404


def test_the_print_layout_has_the_text_the_adoption_the_address_and_a_print_button(
        client, charter):
    response = client.get(charter.url + "imprimer/")

    assert response.status_code == 200
    assert "data-print hidden" in response.text
    assert "Imprimer ou enregistrer en PDF" in response.text
    assert "Article 3" in response.text
    assert "Adoptée le 14 mars 2026" in response.text
    assert charter.full_url in response.text
    assert '<meta name="robots" content="noindex">' in response.text
    assert "charter-signatories" not in response.text


def test_the_page_links_its_print_layout(client, charter):
    assert f'href="{charter.url}imprimer/"' in client.get(charter.url).text


@pytest.fixture
def charter_en(charter, english_home):
    amend_charter(charter)
    page_en = charter.copy_for_translation(english_home.locale)
    page_en.title = "Charter of the collective"
    page_en.slug = "charter"
    page_en.preamble = "<p>The associations of the department come together.</p>"
    page_en.save_revision().publish()
    return CharterPage.objects.get(pk=page_en.pk)


def test_the_english_page_shows_its_own_text_and_the_french_versions(client, charter_en,
                                                                      charter):
    version = charter.versions.get(number=1)
    CharterSignatureFactory(version=version, association__name="Entraide chelloise")

    response = client.get(charter_en.url)

    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "The associations of the department come together." in response.text
    assert "French charter" in response.text or "charte en français" in response.text
    assert "Entraide chelloise" in response.text
    assert "<strong>Version 2</strong>" in response.text
    assert f'href="{charter_en.url}version/1/"' in response.text


def test_the_english_compare_page_marks_the_french_text_as_french(client, charter_en):
    response = client.get(charter_en.url + "comparer/?de=1&a=2")

    assert response.status_code == 200
    assert 'class="diff-text-container" lang="fr"' in response.text


def test_an_unpublished_charter_is_not_shown(client, charter):
    charter.unpublish()

    assert client.get("/charte/").status_code == 404
