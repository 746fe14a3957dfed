"""Two-factor authentication (allauth.mfa, TOTP and recovery codes): optional for members and
editors, required for superusers, the Wagtail "Coordinateurs" group and the extranet's
coordinators, asked at sign-in once set up, and no session gets round it
(extranet.second_factor)."""

import re
from urllib.parse import unquote

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse

from extranet.accounts.models import Role
from extranet.accounts.services import invitation_token, invite
from portal.editorial import setup_editorial_roles
from tests.extranet.conftest import PASSWORD
from tests.factories import MembershipFactory, PersonFactory
from tests.second_factor import current_code

NEW_PASSWORD = "un-nouveau-mot-de-passe-2026"

pytestmark = pytest.mark.django_db


def test_a_coordinator_without_a_second_factor_is_sent_to_set_it_up(client):
    coordinator = MembershipFactory(role=Role.COORDINATOR).person
    client.force_login(coordinator, second_factor=False)

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


def test_the_recovery_codes_page_leads_on_to_the_members_space(client, member):
    secret = generate_totp_secret()
    TOTP.activate(member, secret)
    RecoveryCodes.activate(member)
    client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    response = client.get(reverse("mfa_view_recovery_codes"))

    assert response.status_code == 200
    assert f'href="{reverse("extranet:home")}"' in response.text.split("<main", 1)[1]
    assert "Continuer vers l'espace membres" in response.text


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


def sign_in(client, login, password=PASSWORD, next_url=None):
    url = reverse("account_login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, {"login": login, "password": password})


@pytest.fixture
def roles(home_page):
    return setup_editorial_roles()


@pytest.fixture
def wagtail_coordinator(roles):
    """A coordinator of the public site (publishes, exports signatures), not a member."""
    return PersonFactory(username="coordinatrice", is_staff=True, groups=[roles.coordinators])


@pytest.fixture
def superuser(db):
    return PersonFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture(params=["wagtail_coordinator", "superuser", "extranet_coordinator"])
def must_have_one(request):
    """Each kind of person who must sign in with a second factor, without one yet."""
    if request.param == "extranet_coordinator":
        return MembershipFactory(role=Role.COORDINATOR).person
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("page", ["/admin/", "/admin/pages/", "/django-admin/",
                                  "/extranet/", "/extranet/invitations/"])
def test_who_must_have_a_second_factor_sets_it_up_before_any_admin_or_extranet_page(
    client, must_have_one, page
):
    sign_in(client, must_have_one.username)

    response = client.get(page)

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_who_must_have_a_second_factor_reaches_its_set_up_and_may_sign_out(client,
                                                                           must_have_one):
    sign_in(client, must_have_one.email)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    assert client.get("/").status_code == 200  # the public site stays open
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_an_editor_may_do_without_a_second_factor(client, roles):
    editor = PersonFactory(username="redactrice", is_staff=True, groups=[roles.editors])
    sign_in(client, editor.username)

    assert client.get("/admin/").status_code == 200


@pytest.fixture
def commit_callbacks_at_once(monkeypatch):
    """allauth tells of a new factor once its transaction commits, within the request; the
    test's transaction never commits, so the callbacks run at once."""
    monkeypatch.setattr(transaction, "on_commit",
                        lambda func, using=None, robust=False: func())


@pytest.mark.usefixtures("commit_callbacks_at_once")
def test_a_coordinator_sets_it_up_and_goes_on_in_the_same_session(client, wagtail_coordinator):
    sign_in(client, wagtail_coordinator.username)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]

    client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert Authenticator.objects.filter(user=wagtail_coordinator,
                                        type=Authenticator.Type.TOTP).exists()
    assert client.get("/admin/").status_code == 200


def test_with_a_second_factor_the_username_sign_in_asks_the_code_then_opens_the_admin(
    client, wagtail_coordinator
):
    secret = generate_totp_secret()
    TOTP.activate(wagtail_coordinator, secret)

    response = sign_in(client, wagtail_coordinator.username, next_url="/admin/pages/")
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").url.startswith(reverse("account_login"))
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert response.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_stands_in_for_the_app(client, coordinator):
    code = RecoveryCodes.activate(coordinator).get_unused_codes()[0]
    sign_in(client, coordinator.email)

    client.post(reverse("mfa_authenticate"), {"code": code})

    assert client.get(reverse("extranet:invitations")).status_code == 200
    client.post(reverse("account_logout"))
    sign_in(client, coordinator.email)
    client.post(reverse("mfa_authenticate"), {"code": code})  # used once only
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("page", ["/admin/", "/django-admin/", "/extranet/invitations/",
                                  "/extranet/rattachements/"])
def test_a_session_without_the_second_factor_of_its_account_is_signed_out(client, coordinator,
                                                                         page):
    coordinator.is_staff = coordinator.is_superuser = True
    coordinator.save()
    client.force_login(coordinator, second_factor=False)  # e.g. an old admin login

    response = client.get(page, follow=True)

    assert unquote(response.redirect_chain[-1][0]) == f"{reverse('account_login')}?next={page}"
    assert "_auth_user_id" not in client.session


@pytest.mark.usefixtures("commit_callbacks_at_once")
def test_a_second_factor_added_elsewhere_signs_the_other_sessions_out(member):
    elsewhere, here = Client(), Client()
    sign_in(elsewhere, member.email)
    sign_in(here, member.email)
    here.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    here.get(reverse("mfa_activate_totp"))

    here.post(reverse("mfa_activate_totp"),
              {"code": current_code(here.session["mfa.totp.secret"])})

    assert here.get(reverse("extranet:home")).status_code == 200
    assert elsewhere.get(reverse("extranet:home")).status_code == 302
    assert "_auth_user_id" not in elsewhere.session


def test_who_must_have_a_second_factor_cannot_remove_it(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # allauth asks

    response = client.post(reverse("mfa_deactivate_totp"))

    assert response.status_code == 200  # the form, with the refusal
    assert Authenticator.objects.filter(user=coordinator, type="totp").exists()


def test_a_member_may_remove_theirs(client, member):
    TOTP.activate(member, generate_totp_secret())
    client.force_login(member)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})

    client.post(reverse("mfa_deactivate_totp"))

    assert not Authenticator.objects.filter(user=member, type="totp").exists()


def reset_password(client, person, mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=True):  # the email leaves on commit
        client.post(reverse("account_reset_password"), {"email": person.email})
    link = re.search(r"http://testserver(/extranet/compte/password/reset/key/\S+)",
                     mailoutbox[-1].body).group(1)
    form_page = client.get(link, follow=True)
    return client.post(form_page.redirect_chain[-1][0],
                       {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})


def test_a_password_reset_does_not_sign_in(client, coordinator, mailoutbox):
    reset_password(client, coordinator, mailoutbox)

    assert "_auth_user_id" not in client.session
    assert client.get(reverse("extranet:invitations")).status_code == 302


def test_a_password_reset_that_signs_in_still_asks_the_code(client, coordinator, mailoutbox,
                                                            settings):
    settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET = True

    response = reset_password(client, coordinator, mailoutbox)

    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_an_invited_coordinator_sets_a_second_factor_up_before_the_coordination_screens(
    client, association, coordinator
):
    invitation = invite("nadia@example.org", association, Role.COORDINATOR, by=coordinator)
    client.post(reverse("extranet:invitation", kwargs={"token": invitation_token(invitation)}),
                {"first_name": "Nadia", "last_name": "Benali", "password1": NEW_PASSWORD,
                 "password2": NEW_PASSWORD})
    assert "_auth_user_id" in client.session  # signed in by the invitation

    response = client.get(reverse("extranet:invitations"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_an_invited_member_goes_straight_in(client, association, coordinator):
    invitation = invite("nadia@example.org", association, Role.MEMBER, by=coordinator)
    client.post(reverse("extranet:invitation", kwargs={"token": invitation_token(invitation)}),
                {"first_name": "Nadia", "last_name": "Benali", "password1": NEW_PASSWORD,
                 "password2": NEW_PASSWORD})

    assert client.get(reverse("extranet:home")).status_code == 200
