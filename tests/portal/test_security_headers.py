"""Security headers: a strict Content-Security-Policy on public pages, a looser one in the
admin, and the usual hardening headers."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from portal.middleware import tile_source

pytestmark = pytest.mark.django_db


def directive(response, name):
    for part in response["Content-Security-Policy"].split(";"):
        words = part.split()
        if words and words[0] == name:
            return words[1:]
    return None


def test_public_pages_forbid_inline_and_third_party_scripts(client, home_page):
    response = client.get("/")

    assert directive(response, "script-src") == ["'self'"]
    assert directive(response, "object-src") == ["'none'"]
    assert directive(response, "frame-ancestors") == ["'none'"]


def test_search_results_carry_the_same_strict_policy(client, home_page):
    response = client.get("/search/", {"q": "collectif"})

    assert directive(response, "script-src") == ["'self'"]


def test_the_wagtail_admin_has_its_own_policy(admin_client, home_page):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "'unsafe-inline'" in directive(response, "script-src")
    assert directive(response, "frame-ancestors") == ["'self'"]


def test_pages_send_the_hardening_headers(client, home_page):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_images_come_from_the_site_only_when_the_map_has_no_tiles(client, home_page):
    response = client.get("/")

    assert directive(response, "img-src") == ["'self'", "data:"]


def test_the_map_s_tile_server_is_allowed_as_an_image_source(client, home_page, settings):
    settings.DIRECTORY_MAP_TILES = {"url": "https://{s}.tiles.example.org/{z}/{x}/{y}.png",
                                    "attribution": ""}

    response = client.get("/")

    assert directive(response, "img-src") == ["'self'", "data:", "https://*.tiles.example.org"]
    assert directive(response, "script-src") == ["'self'"]


def test_the_tile_server_stays_out_of_the_admin_policy_it_does_not_need(admin_client,
                                                                        home_page, settings):
    settings.DIRECTORY_MAP_TILES = {"url": "https://tiles.example.org:8443/{z}/{x}/{y}.png",
                                    "attribution": ""}

    public = Client().get("/")
    admin = admin_client.get("/admin/")

    assert "https://tiles.example.org:8443" in directive(public, "img-src")
    assert "https://tiles.example.org:8443" not in directive(admin, "img-src")


@pytest.mark.parametrize("url", ["ftp://tiles.example.org/{z}/{x}/{y}.png",
                                 "https://tiles.{s}.example.org/{z}/{x}/{y}.png"])
def test_a_tile_url_the_policy_cannot_express_is_refused(url):
    with pytest.raises(ImproperlyConfigured):
        tile_source(url)


def test_tiles_served_by_the_site_itself_need_no_extra_source():
    assert tile_source("/tiles/{z}/{x}/{y}.png") is None
