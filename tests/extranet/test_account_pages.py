"""allauth's account pages under /extranet/compte/: reachable when they should be, in the
portal's layout, in French, with nothing the Content-Security-Policy would refuse."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

OPEN_TO_ANONYMOUS = [
    "account_login", "account_reset_password", "account_reset_password_done", "account_signup",
]
SIGNED_IN_ONLY = ["account_email", "account_change_password"]


def assert_portal_page(response):
    html = response.text
    assert '<html lang="fr">' in html
    assert 'class="site-header"' in html
    assert "style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)", html)


@pytest.mark.parametrize("name", OPEN_TO_ANONYMOUS)
def test_entrance_pages_open_to_anonymous_visitors_in_the_portal_layout(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_portal_page(response)


@pytest.mark.parametrize("name", SIGNED_IN_ONLY)
def test_account_management_sends_anonymous_visitors_to_the_login_page(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("name", SIGNED_IN_ONLY)
def test_account_management_pages_open_to_signed_in_people(client, member, name):
    client.force_login(member)

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert_portal_page(response)


def test_login_page_labels_its_fields_in_french(client):
    response = client.get(reverse("account_login"))

    assert "Se connecter à l'espace membres" in response.text
    assert '<label for="id_login">' in response.text
    assert '<label for="id_password">' in response.text
    assert f'href="{reverse("account_reset_password")}"' in response.text


def test_password_reset_key_page_renders_in_the_portal_layout(client):
    response = client.get(
        reverse("account_reset_password_from_key", kwargs={"uidb36": "0", "key": "x-y"})
    )

    assert response.status_code == 200
    assert_portal_page(response)


def test_the_site_header_links_to_the_members_space(client, home_page):
    response = client.get("/")

    assert f'href="{reverse("extranet:home")}"' in response.text
