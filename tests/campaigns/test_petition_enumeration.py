"""The petition tells strangers nothing about an address: signing with an address that signed
already gets the very answer a first signature gets (status, redirect, page), and counts
against the limits like one; the address's owner learns the rest by email."""

import re

import pytest
from django.core import mail
from django.test import Client

from campaigns import petition_views
from campaigns.models import Signature
from campaigns.signatures import confirmed_count
from tests.factories import SignatureFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def form_data(email, **extra):
    return {"first_name": "Camille", "last_name": "Martin", "email": email,
            "postcode": "77100", "association_name": "", "comment": "", "consent": "on",
            "website": "", **extra}


def sign_url(campaign):
    return f"/petitions/signer/{campaign.pk}/"


def answer(campaign, email, capture, **extra):
    """What a new visitor gets back for signing with `email`: (status, redirect, the page it
    leads to, CSRF tokens aside)."""
    client = Client()
    with capture(execute=True):
        response = client.post(sign_url(campaign), form_data(email, **extra))
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return (response.status_code, response.get("Location"), page.status_code,
            CSRF.sub("", page.content.decode()))


@pytest.mark.parametrize("known", [
    {"confirmed": False},
    {"confirmed": True},
])
def test_an_address_that_signed_gets_the_same_answer_as_a_new_one(
    campaign, known, django_capture_on_commit_callbacks
):
    SignatureFactory(campaign=campaign, email="connue@example.org", **known)

    new = answer(campaign, "nouvelle@example.org", django_capture_on_commit_callbacks)
    again = answer(campaign, "connue@example.org", django_capture_on_commit_callbacks)

    assert new[0] == 302
    assert again == new
    assert Signature.objects.filter(email__iexact="connue@example.org").count() == 1


def test_the_addresses_owner_learns_by_email_what_the_page_did_not_say(
    campaign, django_capture_on_commit_callbacks
):
    SignatureFactory(campaign=campaign, email="pending@example.org")
    SignatureFactory(campaign=campaign, email="counted@example.org", confirmed=True)

    answer(campaign, "pending@example.org", django_capture_on_commit_callbacks)
    answer(campaign, "counted@example.org", django_capture_on_commit_callbacks)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert "/petitions/confirmer/" in by_address["pending@example.org"].body
    assert "elle compte. Rien n'a changé." in by_address["counted@example.org"].body
    assert confirmed_count(campaign) == 1


def test_a_bad_form_with_a_known_address_gets_the_same_errors(
    campaign, django_capture_on_commit_callbacks
):
    SignatureFactory(campaign=campaign, email="connue@example.org")  # counted nowhere

    known = answer(campaign, "connue@example.org", django_capture_on_commit_callbacks,
                 postcode="7710")
    Signature.objects.all().delete()
    unknown = answer(campaign, "connue@example.org", django_capture_on_commit_callbacks,
                     postcode="7710")

    assert known[0] == 200
    assert known == unknown


@pytest.mark.parametrize("confirmed", [False, True])
def test_signing_again_is_limited_per_address_like_new_signatures(
    campaign, monkeypatch, confirmed, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(petition_views.SIGNATURES_PER_EMAIL, "limit", 3)
    SignatureFactory(campaign=campaign, email="connue@example.org", confirmed=confirmed)
    statuses = {}
    for email in ("connue@example.org", "nouvelle@example.org"):
        statuses[email] = [
            answer(campaign, email, django_capture_on_commit_callbacks)[0]
            for _attempt in range(4)
        ]

    assert statuses["connue@example.org"] == statuses["nouvelle@example.org"] \
        == [302, 302, 302, 429]
    assert len([m for m in mail.outbox if m.to == ["connue@example.org"]]) == 3


@pytest.mark.parametrize("confirmed", [False, True])
def test_signing_again_is_limited_per_connection_like_new_signatures(
    client, campaign, monkeypatch, confirmed, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(petition_views.SIGNATURES_PER_IP, "limit", 2)
    SignatureFactory(campaign=campaign, email="connue@example.org", confirmed=confirmed)
    statuses = []
    for _attempt in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            statuses.append(client.post(sign_url(campaign),
                                        form_data("connue@example.org")).status_code)

    assert statuses == [302, 302, 429]
