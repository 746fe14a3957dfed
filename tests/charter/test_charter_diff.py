"""What changed between two versions of the charter: article by article, word by word,
escaped, and a clear message for a comparison that cannot be made."""

import datetime

import pytest

from charter.diff import diff_versions, plain_text
from charter.models import CharterVersion
from tests.factories.charter import CharterPageFactory, amend_charter

pytestmark = pytest.mark.django_db


def version(number, articles, preamble="<p>Ensemble.</p>", title="Charte"):
    """An unsaved version: `articles` is a list of (title, HTML) numbered from 1."""
    return CharterVersion(
        number=number, title=title, preamble=preamble,
        adopted_on=datetime.date(2026, 3, 14) + datetime.timedelta(days=30 * number),
        chapters=[{"title": "Nos valeurs", "articles": [
            {"number": index, "title": article_title, "text": text}
            for index, (article_title, text) in enumerate(articles, start=1)]}],
    )


def by_number(diff):
    return {article.number: article for article in diff.articles}


def test_a_changed_article_marks_the_removed_and_the_added_words():
    old = version(1, [("Solidarité", "<p>Les associations se soutiennent.</p>")])
    new = version(2, [("Solidarité", "<p>Les associations s'entraident.</p>")])

    article = by_number(diff_versions(old, new))[1]

    assert article.status == "changed"
    assert "<del" in article.text.html and "soutiennent" in article.text.html
    assert "<ins" in article.text.html and "entraident" in article.text.html
    assert article.text.html.startswith("Les associations ")


def test_the_marks_are_labelled_for_screen_readers_not_only_coloured():
    old = version(1, [("", "<p>Un mot.</p>")])
    new = version(2, [("", "<p>Deux mots.</p>")])

    html = by_number(diff_versions(old, new))[1].text.html

    assert '<span class="visually-hidden">[Texte supprimé : </span>Un' in html
    assert '<span class="visually-hidden">[Texte ajouté : </span>Deux' in html


def test_an_article_only_in_the_new_version_is_flagged_added():
    old = version(1, [("Un", "<p>Premier.</p>")])
    new = version(2, [("Un", "<p>Premier.</p>"), ("Deux", "<p>Second article.</p>")])

    diff = diff_versions(old, new)

    assert by_number(diff)[2].status == "added"
    assert "<ins" in by_number(diff)[2].text.html
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == (1, 0, 0, 1)


def test_an_article_only_in_the_old_version_is_flagged_removed():
    old = version(1, [("Un", "<p>Premier.</p>"), ("Deux", "<p>Second article.</p>")])
    new = version(2, [("Un", "<p>Premier.</p>")])

    diff = diff_versions(old, new)

    assert by_number(diff)[2].status == "removed"
    assert "<del" in by_number(diff)[2].text.html
    assert diff.removed == 1


def test_an_article_with_the_same_words_is_unchanged():
    old = version(1, [("Un", "<p>Premier   article.</p>")])
    new = version(2, [("Un", "<p><b>Premier</b> article.</p>")])

    article = by_number(diff_versions(old, new))[1]

    assert article.status == "unchanged"
    assert "<ins" not in article.text.html and "<del" not in article.text.html


def test_a_changed_article_title_counts_as_a_change():
    old = version(1, [("Solidarité", "<p>Texte.</p>")])
    new = version(2, [("Solidarité et entraide", "<p>Texte.</p>")])

    article = by_number(diff_versions(old, new))[1]

    assert article.status == "changed"
    assert "entraide" in article.title.html


def test_html_written_in_an_article_is_escaped_in_the_diff():
    old = version(1, [("<i>Titre</i>", "<p>Avant.</p>")])
    new = version(2, [("<img src=x onerror=alert(1)>",
                       "<p>Après &lt;script&gt;alert(1)&lt;/script&gt;</p>")])

    article = by_number(diff_versions(old, new))[1]

    assert "<script>" not in article.text.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article.text.html
    assert "<img" not in article.title.html
    assert "img src=x onerror=alert(1)" in article.title.html


def test_the_preamble_changes_are_marked_word_by_word():
    old = version(1, [("Un", "<p>Texte.</p>")], preamble="<p>Nous, associations.</p>")
    new = version(2, [("Un", "<p>Texte.</p>")], preamble="<p>Nous, associations loi 1901.</p>")

    diff = diff_versions(old, new)

    assert diff.preamble.changed
    assert "loi" in diff.preamble.html and "<ins" in diff.preamble.html
    assert not diff.identical


def test_plain_text_keeps_one_line_per_paragraph_and_reads_entities():
    assert plain_text("<p>Un&nbsp;mot</p><ul><li>A &amp; B</li></ul>") == "Un mot\nA & B"


# The comparison page


@pytest.fixture
def charter(home_page):
    page = CharterPageFactory(parent=home_page)
    return amend_charter(page, change_summary="L'article 1 est précisé.")


def compare_url(charter, query=""):
    return charter.url + charter.reverse_subpage("compare") + query


def test_the_compare_page_shows_the_changed_article_between_two_versions(client, charter):
    response = client.get(compare_url(charter, "?de=1&a=2"))

    assert response.status_code == 200
    assert "Ce qui a changé de la version 1 à la version 2" in response.text
    assert '<ins class="diff__ins">' in response.text
    assert "exactement" in response.text
    assert "Modifié" in response.text
    assert "L&#x27;article 1 est précisé." in response.text


def test_the_compare_page_collapses_unchanged_articles(client, charter):
    response = client.get(compare_url(charter, "?de=1&a=2"))

    assert response.text.count('class="diff-article diff-article--unchanged"') == 2
    assert "<details>" in response.text


def test_the_compare_page_without_versions_chosen_compares_the_last_two(client, charter):
    response = client.get(compare_url(charter))

    assert response.status_code == 200
    assert "Ce qui a changé de la version 1 à la version 2" in response.text


@pytest.mark.parametrize("query", ["?de=1&a=9", "?de=abc&a=2", "?de=&a=2", "?de=1"])
def test_the_compare_page_says_when_a_version_does_not_exist(client, charter, query):
    response = client.get(compare_url(charter, query))

    assert response.status_code == 400
    assert ("Cette version n&#x27;existe pas" in response.text
            or "Choisissez une version." in response.text)
    assert "Ce qui a changé de la version" not in response.text


def test_the_compare_page_says_that_one_version_cannot_be_compared_with_itself(client, charter):
    response = client.get(compare_url(charter, "?de=2&a=2"))

    assert response.status_code == 400
    assert "Choisissez deux versions différentes" in response.text


def test_the_compare_page_of_a_charter_with_one_version_says_there_is_nothing_to_compare(
        client, home_page):
    page = CharterPageFactory(parent=home_page)

    response = client.get(compare_url(page))

    assert response.status_code == 200
    assert "rien à comparer" in response.text
