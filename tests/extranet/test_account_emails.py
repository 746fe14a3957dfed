"""Password reset and email change: their emails (sent through a background task, queued once
the request's transaction is committed: `on_commit`, run here by
django_capture_on_commit_callbacks)."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_password_reset_sends_a_link_to_the_address(client, member, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": member.email})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [member.email]
    assert message.subject.startswith("[Collectif des associations]")
    assert "/extranet/compte/password/reset/key/" in message.body


def test_password_reset_link_sets_a_new_password(client, member, mailoutbox,
                                                 django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_reset_password"), {"email": member.email})
    link = re.search(r"http://testserver(/extranet/compte/password/reset/key/\S+)",
                     mailoutbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    response = client.post(form_page.redirect_chain[-1][0], {
        "password1": "un-nouveau-mot-de-passe-2026",
        "password2": "un-nouveau-mot-de-passe-2026",
    })

    member.refresh_from_db()
    assert response.status_code == 302
    assert member.check_password("un-nouveau-mot-de-passe-2026")


def test_password_reset_for_an_unknown_address_sends_nothing(client, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "inconnu@example.org"})

    assert response.status_code == 302
    assert mailoutbox == []


def test_email_change_is_confirmed_from_the_new_address_first(
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_email"), {
            "action_add": "", "email": "nouvelle-adresse@example.org",
        })

    member.refresh_from_db()
    assert response.status_code == 302
    assert member.email != "nouvelle-adresse@example.org"  # not before it is confirmed
    assert [message.to for message in mailoutbox] == [["nouvelle-adresse@example.org"]]
    assert "/extranet/compte/confirm-email/" in mailoutbox[0].body


def test_confirmed_new_address_replaces_the_old_one(client, member, mailoutbox,
                                                    django_capture_on_commit_callbacks):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_email"),
                    {"action_add": "", "email": "nouvelle@example.org"})
    link = re.search(r"http://testserver(/extranet/compte/confirm-email/\S+)",
                     mailoutbox[0].body).group(1)

    client.post(link)

    member.refresh_from_db()
    assert member.email == "nouvelle@example.org"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "nouvelle@example.org"
    ]
