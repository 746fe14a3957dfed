"""Coordinators invite people by email; the signed link works once, until it expires."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from extranet.accounts.models import Invitation, Membership, Role
from extranet.accounts.services import invitation_token, invite
from tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un mot de passe long et solide"


def link(invitation):
    return reverse("extranet:invitation", kwargs={"token": invitation_token(invitation)})


def accept(client, invitation, **changes):
    data = {"first_name": "Nadia", "last_name": "Benali", "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD, **changes}
    return client.post(link(invitation), data)


@pytest.fixture
def invitation(association, coordinator):
    return invite("nadia@example.org", association, Role.MEMBER, by=coordinator)


def test_a_coordinator_invites_from_the_extranet(client, coordinator, association,
                                                 django_capture_on_commit_callbacks):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("extranet:invitations"), {
            "email": "Nadia@Example.org", "association": association.pk, "role": Role.MEMBER,
        })

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "nadia@example.org"
    assert invitation.invited_by == coordinator
    assert mail.outbox[0].to == ["nadia@example.org"]
    assert link(invitation).split("/invitation/")[0] in mail.outbox[0].body


def test_the_invitation_email_waits_for_the_invitation_to_be_committed(
    coordinator, association, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        invite("nadia@example.org", association, Role.MEMBER, by=coordinator)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_representative_cannot_invite(client, representative, association):
    client.force_login(representative)

    response = client.post(reverse("extranet:invitations"), {
        "email": "nadia@example.org", "association": association.pk, "role": Role.MEMBER,
    })

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_a_second_representative_cannot_be_invited(client, coordinator, representative,
                                                   association):
    client.force_login(coordinator)

    response = client.post(reverse("extranet:invitations"), {
        "email": "nadia@example.org", "association": association.pk,
        "role": Role.REPRESENTATIVE,
    })

    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()


def test_accepting_makes_the_account_and_the_membership_and_signs_in(client, invitation,
                                                                     association):
    response = accept(client, invitation)

    assert response.status_code == 302
    assert response.url == reverse("extranet:home")
    membership = Membership.objects.get(person__email="nadia@example.org")
    assert (membership.association, membership.role) == (association, Role.MEMBER)
    assert EmailAddress.objects.get(email="nadia@example.org").verified
    assert client.get(reverse("extranet:home")).status_code == 200


def test_the_new_member_signs_in_later_with_the_address_and_password(client, invitation):
    accept(client, invitation)
    client.logout()

    response = client.post(reverse("account_login"),
                           {"login": "nadia@example.org", "password": NEW_PASSWORD})

    assert response.status_code == 302


def test_a_used_link_does_not_work_twice(client, invitation):
    accept(client, invitation)
    client.logout()

    response = accept(client, invitation, first_name="Autre")

    assert response.status_code == 410
    assert Membership.objects.filter(person__email="nadia@example.org").count() == 1


def test_an_expired_link_is_refused(client, invitation):
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    response = accept(client, invitation)

    assert response.status_code == 410
    assert not Membership.objects.filter(person__email="nadia@example.org").exists()


def test_a_forged_link_is_not_found(client, invitation):
    token = invitation_token(invitation)

    response = client.get(reverse("extranet:invitation", kwargs={"token": token[:-3] + "abc"}))

    assert response.status_code == 404


def test_a_weak_password_is_refused_and_nothing_is_made(client, invitation):
    response = accept(client, invitation, password1="1234", password2="1234")

    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()


def test_the_form_says_the_password_rules_before_any_refusal(client, invitation):
    response = client.get(link(invitation))

    assert "au minimum 10 caractères" in response.context["form"]["password1"].help_text
    assert "au minimum 10 caractères" in response.text


def test_the_names_known_to_the_invitation_are_already_typed(client, association,
                                                             coordinator):
    invitation = invite("nadia@example.org", association, Role.MEMBER, by=coordinator,
                        first_name="Nadia", last_name="Benali")

    form = client.get(link(invitation)).context["form"]

    assert form["first_name"].value() == "Nadia"
    assert form["last_name"].value() == "Benali"


def test_someone_with_an_account_signs_in_to_accept(client, association, coordinator):
    person = PersonFactory(email="nadia@example.org")
    invitation = invite("nadia@example.org", association, Role.MEMBER, by=coordinator)

    assert "Un compte existe déjà" in client.get(link(invitation)).text
    client.force_login(person)
    response = client.post(link(invitation))

    assert response.status_code == 302
    assert Membership.objects.filter(person=person, association=association).exists()


def test_an_invitation_for_another_address_cannot_be_taken(client, invitation, member):
    client.force_login(member)

    response = client.post(link(invitation))

    assert response.status_code == 200
    assert "une autre adresse" in response.text
    assert not Invitation.objects.get(pk=invitation.pk).accepted_at


def test_a_representative_invitation_is_refused_if_the_seat_was_taken_meanwhile(
    client, association, coordinator
):
    invitation = invite("nadia@example.org", association, Role.REPRESENTATIVE, by=coordinator)
    MembershipFactory(association=association, role=Role.REPRESENTATIVE)

    response = accept(client, invitation)

    assert response.status_code == 409
    assert not get_user_model().objects.filter(email="nadia@example.org").exists()


def revoke_url(invitation):
    return reverse("extranet:invitation_revoke", args=[invitation.pk])


def test_a_coordinator_cancels_an_open_invitation_and_its_link_stops_working(
    client, invitation, coordinator
):
    client.force_login(coordinator)

    response = client.post(revoke_url(invitation))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.state == "revoked"
    assert invitation.revoked_by == coordinator
    client.logout()
    assert client.get(link(invitation)).status_code == 410


def test_a_representative_cannot_cancel_an_invitation(client, invitation, representative):
    client.force_login(representative)

    response = client.post(revoke_url(invitation))

    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.state == "open"


def test_an_accepted_invitation_cannot_be_cancelled(client, invitation, coordinator):
    accept(client, invitation)
    client.force_login(coordinator)

    response = client.post(revoke_url(invitation), follow=True)

    invitation.refresh_from_db()
    assert invitation.state == "accepted"
    assert "plus en attente" in response.content.decode()


def test_cancelling_is_a_post_not_a_link(client, invitation, coordinator):
    client.force_login(coordinator)

    assert client.get(revoke_url(invitation)).status_code == 405
    invitation.refresh_from_db()
    assert invitation.state == "open"
