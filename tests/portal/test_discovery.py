"""/sitemap.xml, /robots.txt and the French 404 page."""

import defusedxml.ElementTree as ET
import pytest
from django.template.loader import render_to_string
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    tree = ET.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in tree.findall("s:url", NS)
    }


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
