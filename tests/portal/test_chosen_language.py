"""The members' space speaks the language its reader chose (portal/chosen_language.py): its
addresses have no language prefix, so the switcher's `?lang=`, then Django's language cookie,
then the browser's languages decide; the public site keeps its prefixes."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGIN = "/extranet/compte/login/"


def test_an_english_browser_gets_the_sign_in_page_in_english(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert '<html lang="en">' in response.text
    assert "<h1>Sign in to the members' space</h1>" in response.text
    assert response["Content-Language"] == "en"


def test_a_french_browser_gets_it_in_french(client):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,en;q=0.5")

    assert '<html lang="fr">' in response.text
    assert "<h1>Se connecter à l'espace membres</h1>" in response.text


def test_the_switcher_s_choice_is_kept_for_the_next_pages(client):
    chosen = client.get(LOGIN + "?lang=en", HTTP_ACCEPT_LANGUAGE="fr")
    later = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE="fr")

    assert chosen.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert '<html lang="en">' in later.text


def test_a_language_the_site_does_not_offer_is_ignored(client):
    response = client.get(LOGIN + "?lang=de", HTTP_ACCEPT_LANGUAGE="fr")

    assert '<html lang="fr">' in response.text
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_the_switcher_of_a_members_page_links_to_the_same_page_in_each_language(client):
    text = client.get(LOGIN + "?next=/extranet/", HTTP_ACCEPT_LANGUAGE="fr").text

    assert 'href="/extranet/compte/login/?next=%2Fextranet%2F&amp;lang=en"' in text


def test_the_public_site_keeps_its_language_prefixes_whatever_the_browser(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert '<html lang="fr">' in response.text


def test_the_members_link_of_the_english_site_asks_for_english(client, english_home):
    text = client.get("/en/").text

    assert 'href="/extranet/?lang=en"' in text
