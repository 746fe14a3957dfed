"""The extranet's home shows the latest current mutual aid posts, and its menu leads to
mutual aid."""

import pytest
from django.urls import reverse

from tests.factories.mutual_aid import PostFactory

pytestmark = pytest.mark.django_db


def home(client, person):
    client.force_login(person)
    return client.get(reverse("extranet:home")).content.decode()


def test_the_home_shows_a_current_post_with_a_link_to_it(client, member):
    post = PostFactory(title="Une salle pour votre assemblée générale")

    content = home(client, member)

    assert "Une salle pour votre assemblée générale" in content
    assert reverse("extranet:aid_post_detail", args=[post.pk]) in content


def test_the_home_leaves_out_a_closed_post(client, member):
    PostFactory(title="Un barnum déjà prêté").close()

    assert "Un barnum déjà prêté" not in home(client, member)


def test_the_menu_leads_to_mutual_aid(client, member):
    assert f'href="{reverse("extranet:aid_list")}"' in home(client, member)
