"""Signing in to the extranet with an email address and a password, and the lockout."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.extranet.conftest import PASSWORD

pytestmark = pytest.mark.django_db

FAILURES_BEFORE_LOCKOUT = 5  # ACCOUNT_RATE_LIMITS["login_failed"]: 5 per account per 15 min


def sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_member_signs_in_with_email_and_password_and_lands_on_the_extranet_home(
    client, member
):
    response = sign_in(client, member.email, PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("extranet:home")
    assert client.get(reverse("extranet:home")).status_code == 200


def test_email_is_matched_whatever_its_case(client, member):
    response = sign_in(client, member.email.upper(), PASSWORD)

    assert response.status_code == 302


def test_wrong_password_is_refused_with_a_message(client, member):
    response = sign_in(client, member.email, "pas-le-bon-mot-de-passe")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert response.context["form"].errors


def test_username_does_not_sign_in_to_the_extranet(client, member):
    response = sign_in(client, member.username, PASSWORD)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_after_repeated_failures_even_the_right_password_is_refused(client, member):
    for _attempt in range(FAILURES_BEFORE_LOCKOUT):
        sign_in(client, member.email, "pas-le-bon-mot-de-passe")

    response = sign_in(client, member.email, PASSWORD)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Trop de tentatives" in response.text


def test_failures_below_the_limit_do_not_lock_the_account(client, member):
    for _attempt in range(FAILURES_BEFORE_LOCKOUT - 1):
        sign_in(client, member.email, "pas-le-bon-mot-de-passe")

    response = sign_in(client, member.email, PASSWORD)

    assert response.status_code == 302


def test_lockout_of_one_account_leaves_the_others_open(client, member, representative):
    for _attempt in range(FAILURES_BEFORE_LOCKOUT):
        sign_in(client, member.email, "pas-le-bon-mot-de-passe")

    response = sign_in(client, representative.email, PASSWORD)

    assert response.status_code == 302


def test_nobody_can_sign_up(client):
    page = client.get(reverse("account_signup"))
    client.post(reverse("account_signup"), {
        "email": "nouvelle@example.org", "password1": "un-mot-de-passe-solide-2026",
        "password2": "un-mot-de-passe-solide-2026",
    })

    assert "Pas d'inscription libre" in page.text
    assert "<form" not in page.text.split("<main", 1)[1]
    assert not get_user_model().objects.filter(email="nouvelle@example.org").exists()


def test_signing_out_takes_a_post_and_returns_to_the_login_page(client, member):
    client.force_login(member)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response.url == reverse("account_login")
    assert "_auth_user_id" not in client.session


def test_an_unverified_address_does_not_sign_in_but_receives_a_confirmation(
    client, member, mailoutbox
):
    member.emailaddress_set.update(verified=False)

    response = sign_in(client, member.email, PASSWORD)

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[member.email]]


def admin_sign_in(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_the_admin_login_form_does_not_sign_in_by_email_address(client, member):
    admin_sign_in(client, member.email, PASSWORD)

    assert "_auth_user_id" not in client.session


def test_the_admin_login_form_locks_out_after_repeated_failures(client, editor):
    for _attempt in range(FAILURES_BEFORE_LOCKOUT):
        admin_sign_in(client, editor.username, "pas-le-bon-mot-de-passe")

    admin_sign_in(client, editor.username, PASSWORD)

    assert "_auth_user_id" not in client.session


def test_the_admin_login_form_signs_an_editor_in_below_the_limit(client, editor):
    for _attempt in range(FAILURES_BEFORE_LOCKOUT - 1):
        admin_sign_in(client, editor.username, "pas-le-bon-mot-de-passe")

    admin_sign_in(client, editor.username, PASSWORD)

    assert "_auth_user_id" in client.session
