"""Security headers: a strict Content-Security-Policy on public pages, a looser one in the
admin, and the usual hardening headers."""

import pytest

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
