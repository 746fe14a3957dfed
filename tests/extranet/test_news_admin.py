"""The news' categories in the Wagtail admin, under "Extranet": superusers only, for now."""

import pytest
from django.urls import reverse

from extranet.news.models import Category

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x")


def test_a_superuser_adds_a_news_category(client, superuser):
    client.force_login(superuser)

    response = client.post(reverse("wagtailsnippets_news_category:add"),
                           {"name": "Appels à projets", "slug": "appels-a-projets"})

    assert response.status_code == 302
    assert Category.objects.filter(slug="appels-a-projets").exists()


def test_an_editor_does_not_see_the_news_categories(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_news_category:list"))

    assert response.status_code in (302, 403)


def test_the_categories_are_in_the_extranet_menu(client, superuser):
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_home"))

    assert reverse("wagtailsnippets_news_category:list") in response.text
