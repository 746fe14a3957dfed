"""The profile page: names, phone, and what other members may see."""

import pytest
from django.urls import reverse

from extranet.accounts.models import Profile

pytestmark = pytest.mark.django_db


def test_profile_saves_names_phone_and_visibility(client, member):
    client.force_login(member)

    response = client.post(reverse("extranet:profile"), {
        "first_name": "Awa", "last_name": "Traoré", "phone": "06 12 34 56 78",
        "show_phone": "on",
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
