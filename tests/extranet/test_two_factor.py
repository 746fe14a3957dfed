"""Two-factor authentication (allauth.mfa, TOTP): optional for members, required for
coordinators, asked at sign-in once set up."""

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from extranet.accounts.models import Role
from tests.extranet.conftest import PASSWORD
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def test_a_coordinator_without_a_second_factor_is_sent_to_set_it_up(client):
    coordinator = MembershipFactory(role=Role.COORDINATOR).person
    client.force_login(coordinator)

    response = client.get(reverse("extranet:home"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_the_set_up_page_shows_the_qr_code_in_the_portal_layout(client):
    coordinator = MembershipFactory(role=Role.COORDINATOR).person
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # allauth asks

    response = client.get(reverse("mfa_activate_totp"))

    assert response.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in response.text
    assert 'class="skip-link"' in response.text  # the portal's base template
    assert "style=" not in response.text.split("<main", 1)[1]


def test_a_member_may_do_without_a_second_factor(client, member):
    client.force_login(member)

    assert client.get(reverse("extranet:home")).status_code == 200


def test_once_set_up_the_code_is_asked_after_the_password(client, member):
    secret = generate_totp_secret()
    TOTP.activate(member, secret)

    response = client.post(reverse("account_login"),
                           {"login": member.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert "_auth_user_id" in client.session


def test_a_wrong_code_does_not_sign_in(client, member):
    TOTP.activate(member, generate_totp_secret())
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
