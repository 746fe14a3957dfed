"""The one sign-in page (allauth's, for the extranet and the admins): an email address or a
username, a password, the lockout; the admins' own login pages send there."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.editorial import setup_editorial_roles
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


def test_an_editor_signs_in_with_their_username_and_comes_back_to_the_admin(client, editor,
                                                                             home_page):
    setup_editorial_roles()  # gives the editors' group its access to the admin
    response = client.post(reverse("account_login") + "?next=/admin/pages/",
                           {"login": editor.username, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


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
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    member.emailaddress_set.update(verified=False)

    with django_capture_on_commit_callbacks(execute=True):  # the email leaves on commit
        response = sign_in(client, member.email, PASSWORD)

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[member.email]]


def test_the_username_locks_out_after_repeated_failures_too(client, editor):
    for _attempt in range(FAILURES_BEFORE_LOCKOUT):
        sign_in(client, editor.username, "pas-le-bon-mot-de-passe")

    sign_in(client, editor.username, PASSWORD)

    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("admin", ["/admin/", "/django-admin/"])
def test_the_admins_login_pages_send_to_the_one_sign_in_page_keeping_next(client, admin):
    response = client.get(f"{admin}login/?next={admin}")

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={admin}"


@pytest.mark.parametrize("admin", ["/admin/", "/django-admin/"])
def test_an_anonymous_visitor_of_the_admins_ends_on_the_one_sign_in_page(client, admin):
    response = client.get(admin, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_login") + "?next=")
    assert "Se connecter à l'espace membres" in response.text


@pytest.mark.parametrize("admin", ["/admin/", "/django-admin/"])
def test_a_password_posted_to_the_admins_login_pages_signs_nobody_in(client, editor, admin):
    client.post(f"{admin}login/", {"username": editor.username, "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_the_wagtail_password_reset_is_off(client):
    assert client.get("/admin/password_reset/").status_code == 404
