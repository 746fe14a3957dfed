"""Each page type renders for an anonymous visitor with a bounded number of queries."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import ImageFactory, StandardPageFactory

DocumentFactory = wagtail_factories.DocumentFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    """Queries of a page view once the caches that every visit shares are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def body_of(n, link_target):
    """A body of n groups of blocks of every kind that reads the database: page links,
    images (each its own picture), documents. Embeds are left out: they fetch from the
    video site when first shown, and there is no network here."""
    blocks = []
    for index in range(n):
        image = ImageFactory()
        blocks += [
            ("image", {"image": image, "alt_text": "Une réunion", "decorative": False,
                       "caption": "", "credit": ""}),
            ("document", {"document": DocumentFactory(), "label": ""}),
            ("heading", {"text": f"Section {index}", "level": "h2"}),
            ("paragraph", RichText(f"<p>Texte {index}</p>")),
            ("quote", {"quote": "Même poids pour tous.", "attribution": "Atelier"}),
            ("call_to_action", {
                "title": "Rejoindre", "text": "",
                "link": {"page": link_target, "url": "", "label": ""},
            }),
            ("key_figures", {"title": "", "figures": [
                {"value": "42", "label": "associations", "source": ""}]}),
            ("accordion", {"title": "", "items": [
                {"question": "Pourquoi ?", "answer": RichText("<p>Parce que.</p>")}]}),
        ]
    return blocks


def test_home_page_renders_for_an_anonymous_visitor(client, home_page):
    home_page.hero_title = "Les associations se font entendre"
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    assert "Les associations se font entendre" in response.text
    assert '<html lang="fr">' in response.text


def test_standard_page_renders_its_introduction_and_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page, title="Notre charte", introduction="Ce qui nous rassemble.",
        body=[("paragraph", RichText("<p>Une association, une voix.</p>"))],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    assert "<h1>Notre charte</h1>" in response.text
    assert "Ce qui nous rassemble." in response.text
    assert "Une association, une voix." in response.text


def test_unpublished_page_is_not_found_for_an_anonymous_visitor(client, home_page):
    page = StandardPageFactory(parent=home_page, live=False)

    assert client.get(page.url).status_code == 404


def test_home_page_queries_do_not_grow_with_its_blocks(client, home_page):
    target = StandardPageFactory(parent=home_page, title="Le collectif")
    home_page.body = body_of(1, target)
    home_page.save_revision().publish()
    with_one = count_queries(client, "/")

    home_page.body = body_of(20, target)
    home_page.save_revision().publish()
    with_twenty = count_queries(client, "/")

    assert with_one == with_twenty
    assert with_twenty <= 17  # 15, and the open campaigns (the page's view restrictions, the list)


def test_standard_page_queries_do_not_grow_with_its_children(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Le collectif")
    StandardPageFactory(parent=section)
    with_one = count_queries(client, section.url)

    for _ in range(19):
        StandardPageFactory(parent=section)
    with_twenty = count_queries(client, section.url)

    assert with_one == with_twenty
    assert with_twenty <= 18


def test_standard_page_lists_its_published_children_only(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Le collectif")
    StandardPageFactory(parent=section, title="Notre histoire")
    StandardPageFactory(parent=section, title="Brouillon secret", live=False)

    response = client.get(section.url)

    assert "Notre histoire" in response.text
    assert "Brouillon secret" not in response.text


def test_hero_image_is_offered_in_modern_formats_with_an_empty_alt(client, home_page):
    home_page.hero_image = ImageFactory()
    home_page.save_revision().publish()

    response = client.get("/")

    assert 'type="image/avif"' in response.text
    assert 'type="image/webp"' in response.text
    assert 'alt=""' in response.text


def test_breadcrumbs_lead_from_home_to_the_current_page(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Le collectif")
    page = StandardPageFactory(parent=section, title="Notre histoire")

    response = client.get(page.url)

    assert 'aria-label="Fil d\'Ariane"' in response.text
    assert '<a href="/">Accueil</a>' in response.text
    assert f'<a href="{section.url}">Le collectif</a>' in response.text
    assert 'aria-current="page">Notre histoire</a>' in response.text
