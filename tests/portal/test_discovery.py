"""/sitemap.xml, /robots.txt and the French 404 page."""

import defusedxml.ElementTree as ET
import pytest
from django.template.loader import render_to_string
from wagtail.models import PageViewRestriction

from tests.factories import AssociationFactory, DirectoryPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_files(client):
    """The sitemaps listed by the index at /sitemap.xml, as paths."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    return [
        loc.text.removeprefix("http://testserver")
        for loc in tree.findall("s:sitemap/s:loc", NS)
    ]


def sitemap_urls(client):
    """Every URL of every sitemap of the index, with its hreflang alternates."""
    urls = {}
    for path in sitemap_files(client):
        response = client.get(path)
        assert response.status_code == 200
        tree = ET.fromstring(response.content)
        urls.update({
            url.find("s:loc", NS).text: {
                link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
            }
            for url in tree.findall("s:url", NS)
        })
    return urls


def test_sitemap_lists_every_live_public_page_in_both_languages(client, home_page, english_home):
    page = StandardPageFactory(parent=home_page, title="Notre charte", slug="notre-charte")

    urls = sitemap_urls(client)

    assert set(urls) == {
        "http://localhost/",
        "http://localhost/notre-charte/",
        "http://localhost/en/",
    }
    assert page.full_url in urls


def test_sitemap_links_the_translations_of_a_page_together(client, home_page, english_home):
    urls = sitemap_urls(client)

    assert urls["http://localhost/"] == {"fr": "http://localhost/", "en": "http://localhost/en/"}
    assert urls["http://localhost/en/"]["fr"] == "http://localhost/"


def test_sitemap_leaves_out_drafts_and_private_pages(client, home_page):
    StandardPageFactory(parent=home_page, slug="brouillon", live=False)
    private = StandardPageFactory(parent=home_page, slug="reserve")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    urls = sitemap_urls(client)

    assert not any("brouillon" in url or "reserve" in url for url in urls)


def test_the_sitemap_lists_the_page_of_each_published_association(client, home_page):
    directory = DirectoryPageFactory(parent=home_page, slug="annuaire")
    AssociationFactory(name="Entraide chelloise", slug="entraide-chelloise")
    AssociationFactory(name="Ancienne amicale", slug="ancienne-amicale", published=False)

    urls = sitemap_urls(client)

    assert f"{directory.full_url}entraide-chelloise/" in urls
    assert not any("ancienne-amicale" in url for url in urls)


def test_association_pages_link_their_english_version(client, home_page, english_home):
    directory = DirectoryPageFactory(parent=home_page, slug="annuaire")
    directory_en = directory.copy_for_translation(english_home.locale)
    directory_en.slug = "directory"
    directory_en.save_revision().publish()
    AssociationFactory(name="Entraide chelloise", slug="entraide-chelloise")

    urls = sitemap_urls(client)

    assert urls["http://localhost/annuaire/entraide-chelloise/"] == {
        "fr": "http://localhost/annuaire/entraide-chelloise/",
        "en": "http://localhost/en/directory/entraide-chelloise/",
    }


def test_association_sitemaps_are_split_in_files_of_bounded_size(client, home_page, monkeypatch,
                                                                django_assert_max_num_queries):
    from home.sitemaps import AssociationSitemap

    monkeypatch.setattr(AssociationSitemap, "limit", 2)
    DirectoryPageFactory(parent=home_page, slug="annuaire")
    for index in range(5):
        AssociationFactory(name=f"Association {index}")

    files = [path for path in sitemap_files(client) if "associations" in path]

    assert files == ["/sitemap-associations.xml", "/sitemap-associations.xml?p=2",
                     "/sitemap-associations.xml?p=3"]
    with django_assert_max_num_queries(8):
        assert client.get("/sitemap-associations.xml?p=3").status_code == 200


def test_an_unknown_sitemap_is_not_found(client, home_page):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    for private in ("/admin/", "/django-admin/", "/extranet/"):
        assert f"Disallow: {private}" in response.text


def test_a_missing_page_answers_a_french_404_page(client, home_page):
    response = client.get("/cette-page-n-existe-pas/")

    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert '<html lang="fr">' in response.text


def test_a_missing_english_page_answers_an_english_404_page(client, home_page, english_home):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="en">' in response.text


def test_the_500_page_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    assert "Le site rencontre un problème" in html
