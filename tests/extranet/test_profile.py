"""The profile page: names, phone, and what other members may see."""

import pytest
from django.urls import reverse

from extranet.accounts.models import Profile

pytestmark = pytest.mark.django_db


def test_profile_saves_names_phone_and_visibility(client, member):
    client.force_login(member)

    response = client.post(reverse("extranet:profile"), {
        "first_name": "Awa", "last_name": "Traoré", "phone": "06 12 34 56 78",
        "show_phone": "on", "news_notification": "weekly",
    }, follow=True)

    member.refresh_from_db()
    profile = Profile.objects.get(person=member)
    assert (member.first_name, member.last_name) == ("Awa", "Traoré")
    assert (profile.phone, profile.show_phone, profile.show_email) == (
        "06 12 34 56 78", True, False)
    assert "Votre profil est enregistré." in response.text


def test_profile_without_a_first_name_keeps_what_was_typed(client, member):
    client.force_login(member)

    response = client.post(reverse("extranet:profile"), {
        "first_name": "", "last_name": "Traoré", "phone": "06 12 34 56 78",
    })

    assert response.status_code == 200
    assert response.context["form"].errors["first_name"]
    assert 'value="06 12 34 56 78"' in response.text
    assert not Profile.objects.filter(person=member).exists()


def test_profile_saves_the_function_and_how_to_hear_of_the_news(client, member):
    client.force_login(member)

    client.post(reverse("extranet:profile"), {
        "first_name": "Awa", "last_name": "Traoré", "function": "Trésorière",
        "news_notification": "each",
    })

    profile = Profile.objects.get(person=member)
    assert (profile.function, profile.news_notification) == ("Trésorière", "each")


def test_profile_refuses_an_unknown_news_choice(client, member):
    client.force_login(member)

    response = client.post(reverse("extranet:profile"), {
        "first_name": "Awa", "last_name": "Traoré", "news_notification": "hourly",
    })

    assert response.context["form"].errors["news_notification"]
    assert not Profile.objects.filter(person=member).exists()
