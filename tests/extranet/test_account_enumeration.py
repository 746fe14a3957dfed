"""The account forms tell strangers nothing about an address (django-allauth's
ACCOUNT_PREVENT_ENUMERATION): resetting the password, signing in and changing one's address
answer the same whether an account holds the address or not; only an address with an
account receives an email."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, TestCase
from django.urls import reverse

from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def answer(client, url, data):
    """(status, redirect, the page it leads to, CSRF tokens aside). An email is queued
    once the request's transaction commits (its on_commit callbacks are run here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return (response.status_code, response.get("Location"), page.status_code,
            CSRF.sub("", page.content.decode()))


def test_enumeration_is_prevented_in_the_settings():
    assert settings.ACCOUNT_PREVENT_ENUMERATION is True
    assert settings.ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS is False


def test_a_password_reset_answers_the_same_for_a_known_and_an_unknown_address(
    member, mailoutbox
):
    known = answer(Client(), reverse("account_reset_password"), {"email": member.email})
    unknown = answer(Client(), reverse("account_reset_password"),
                     {"email": "inconnu@example.org"})

    assert known[0] == 302
    assert known == unknown
    assert [message.to for message in mailoutbox] == [[member.email]]


def test_a_failed_sign_in_answers_the_same_for_a_known_and_an_unknown_address(member):
    data = {"password": "pas-le-bon-mot-de-passe"}
    known = answer(Client(), reverse("account_login"), {**data, "login": "x@example.org"})
    get_user_model().objects.filter(pk=member.pk).update(email="x-ailleurs@example.org")
    unknown = answer(Client(), reverse("account_login"), {**data, "login": "x@example.org"})
    # The same address, typed while an account held it and once none did.
    assert known[0] == 200
    assert known == unknown


def test_changing_to_an_address_of_another_account_answers_like_a_free_one(member,
                                                                          mailoutbox):
    other = PersonFactory(email="prise@example.org")
    client = Client()
    client.force_login(member)

    taken = answer(client, reverse("account_email"),
                   {"action_add": "", "email": other.email})
    free = answer(client, reverse("account_email"),
                  {"action_add": "", "email": "libre@example.org"})

    assert taken[0] == free[0] == 302
    assert taken[1] == free[1]
    member.refresh_from_db()
    assert member.email not in {"prise@example.org", "libre@example.org"}
    # Both addresses are asked to confirm: the one another account holds cannot be taken.
    assert sorted(message.to[0] for message in mailoutbox) == ["libre@example.org",
                                                                "prise@example.org"]
    link = re.search(r"http://testserver(/extranet/compte/confirm-email/\S+)",
                     next(m for m in mailoutbox if m.to == [other.email]).body).group(1)
    client.post(link)
    member.refresh_from_db()
    other.refresh_from_db()
    assert member.email != "prise@example.org"
    assert other.email == "prise@example.org"
