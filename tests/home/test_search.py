"""Site search: /search/?q= over the live public pages of the reader's language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_search_finds_a_page_by_a_word_of_its_body(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Précarité de l'emploi",
        body=[("paragraph", RichText("<p>Les contrats aidés disparaissent.</p>"))],
    )

    response = client.get("/search/", {"q": "contrats"})

    assert response.status_code == 200
    assert "Précarité de l&#x27;emploi" in response.text
    assert "1 résultat pour « contrats »" in response.text


def test_search_finds_a_page_by_its_title(client, home_page):
    StandardPageFactory(parent=home_page, title="Guide pour les élus")

    response = client.get("/search/", {"q": "guide"})

    assert "Guide pour les élus" in response.text


def test_search_ignores_unpublished_pages(client, home_page):
    StandardPageFactory(parent=home_page, title="Tribune en préparation", live=False)

    response = client.get("/search/", {"q": "tribune"})

    assert "Tribune en préparation" not in response.text
    assert "0 résultat" in response.text


def test_search_in_french_does_not_list_english_pages(client, home_page, english_home):
    StandardPageFactory(parent=english_home, title="Collective charter")
    StandardPageFactory(parent=home_page, title="Charte du collectif")

    response = client.get("/search/", {"q": "charter charte"})

    assert "Collective charter" not in response.text


def test_search_in_english_lists_english_pages(client, home_page, english_home):
    StandardPageFactory(parent=english_home, title="Collective charter")

    response = client.get("/en/search/", {"q": "charter"})

    assert '<html lang="en">' in response.text
    assert "Collective charter" in response.text


def test_empty_search_shows_the_form_without_results(client, home_page):
    response = client.get("/search/", {"q": "   "})

    assert response.status_code == 200
    assert 'name="q"' in response.text
    assert "résultat" not in response.text


def test_a_page_number_out_of_range_shows_the_last_page(client, home_page):
    StandardPageFactory(parent=home_page, title="Rencontre thématique")

    response = client.get("/search/", {"q": "rencontre", "page": "999"})

    assert response.status_code == 200
    assert "Rencontre thématique" in response.text


def test_a_page_number_that_is_not_a_number_shows_the_first_page(client, home_page):
    StandardPageFactory(parent=home_page, title="Rencontre thématique")

    response = client.get("/search/", {"q": "rencontre", "page": "abc"})

    assert response.status_code == 200
    assert "Rencontre thématique" in response.text


def test_a_very_long_query_is_cut_rather_than_refused(client, home_page):
    response = client.get("/search/", {"q": "association " * 500})

    assert response.status_code == 200
    assert response.context["search_query"] == ("association " * 500)[:200].strip()


def test_search_results_are_paginated_with_a_shareable_url(client, home_page):
    for index in range(12):
        StandardPageFactory(parent=home_page, title=f"Atelier numéro {index}")

    first = client.get("/search/", {"q": "atelier"})
    second = client.get("/search/", {"q": "atelier", "page": "2"})

    assert len(first.context["results"]) == 10
    assert len(second.context["results"]) == 2
    assert 'href="?q=atelier&amp;page=2"' in first.text


def test_search_queries_do_not_grow_with_the_number_of_results(client, home_page):
    StandardPageFactory(parent=home_page, title="Atelier 0")
    client.get("/search/", {"q": "atelier"})
    with CaptureQueriesContext(connection) as with_one:
        client.get("/search/", {"q": "atelier"})

    for index in range(1, 10):
        StandardPageFactory(parent=home_page, title=f"Atelier {index}")
    client.get("/search/", {"q": "atelier"})  # new pages: the shared navigation is rebuilt
    with CaptureQueriesContext(connection) as with_ten:
        client.get("/search/", {"q": "atelier"})

    assert len(with_one) == len(with_ten)
    assert len(with_ten) <= 12


@pytest.mark.parametrize("query", ['"', 'a"', "collectif*", "(élus", "a AND", "NEAR(", "\x00",
                                   "a:b", "x & y | !z", "\\"])
def test_search_syntax_in_a_query_never_breaks_the_page(client, home_page, query):
    StandardPageFactory(parent=home_page, title="Le collectif et les élus")

    response = client.get("/search/", {"q": query})

    assert response.status_code == 200


def test_a_quoted_query_still_finds_its_words(client, home_page):
    StandardPageFactory(parent=home_page, title="Le collectif et les élus")

    response = client.get("/search/", {"q": '"élus"'})

    assert "Le collectif et les élus" in response.text
