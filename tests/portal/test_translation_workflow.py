"""Editors translate pages and menus from the admin with wagtail-localize, and preview pages."""

import pytest
from django.urls import reverse

from home.models import StandardPage
from portal.editorial import setup_editorial_roles
from portal.models import Menu
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(db):
    roles = setup_editorial_roles()
    return UserFactory(username="coordinatrice", groups=[roles.coordinators])


def test_a_coordinator_translates_a_page_into_an_english_draft_from_the_admin(
    client, coordinator, home_page, english_home
):
    page = StandardPageFactory(parent=home_page, title="La charte")
    client.force_login(coordinator)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [english_home.locale.pk]})

    assert response.status_code == 302
    translation = page.get_translation(english_home.locale)
    assert translation.get_parent().specific == english_home
    assert isinstance(translation.specific, StandardPage)
    assert not translation.live, "a translation goes live through the review, not at once"


def test_a_coordinator_translates_a_menu_into_english_from_the_admin(
    client, coordinator, home_page, english
):
    menu = Menu.objects.create(location="footer", locale=home_page.locale, items=[])
    client.force_login(coordinator)
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["portal", "menu", menu.pk]
    )

    response = client.post(url, {"locales": [english.pk]})

    assert response.status_code == 302
    assert Menu.objects.filter(location="footer", locale=english).exists()


def test_an_anonymous_visitor_cannot_reach_the_translation_screens(client, home_page):
    url = reverse("wagtail_localize:submit_page_translation", args=[home_page.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_an_editor_previews_a_page_before_submitting_it(client, home_page):
    roles = setup_editorial_roles()
    editor = UserFactory(username="redacteur", groups=[roles.editors])
    page = StandardPageFactory(parent=home_page, title="Brouillon", live=False, owner=editor)
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])

    client.post(preview_url, {
        "title": "Aperçu de la tribune", "slug": page.slug, "introduction": "Un chapô.",
        "body-count": "0",
    })
    response = client.get(preview_url)

    assert response.status_code == 200
    assert "Aperçu de la tribune" in response.text
    # The admin shows the preview in a frame: the public "frame-ancestors 'none'" would blank it.
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
