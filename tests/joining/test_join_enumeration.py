"""The join form tells strangers nothing about an association: asking for one that is a
member already, or that has a request pending, gets the very answer a new request gets
(status, redirect, page) and counts against the limit like one; the address typed learns
by email why nothing was recorded."""

import re

import pytest
from django.core import mail
from django.test import Client

from joining import views
from joining.member_associations import refresh_member_associations
from joining.models import JoinRequest
from tests.factories import MembershipFactory
from tests.factories.joining import JoinRequestFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(autouse=True)
def _page(join_page, coordinator):
    """The join page exists and a coordinator hears of the requests."""


def proposed(form_data, number):
    """The form for an association absent from the directory, one of its own each `number`."""
    return {**form_data, "proposed_name": f"Association numéro {number}",
            "proposed_rna_id": f"W77200000{number}"}


def answer(join_page, data, committed):
    """What a new visitor gets back for sending `data`: (status, redirect, the page it leads
    to, CSRF tokens aside)."""
    client = Client()
    with committed():
        response = client.post(join_page.url, data)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return (response.status_code, response.get("Location"), page.status_code,
            CSRF.sub("", page.content.decode()))


@pytest.fixture
def pending(charter):
    return JoinRequestFactory(charter_version=charter, proposed_name="Association numéro 1",
                              proposed_rna_id="W772000001", email="premiere@example.org")


@pytest.fixture
def member():
    association = MembershipFactory(association__name="Association numéro 2",
                                    association__rna_id="W772000002").association
    refresh_member_associations([association.pk])
    return association


@pytest.mark.parametrize("known", ["pending", "member"])
def test_a_known_association_gets_the_same_answer_as_a_new_one(
    join_page, form_data, committed, known, request
):
    request.getfixturevalue(known)
    number = 1 if known == "pending" else 2

    again = answer(join_page, proposed(form_data, number), committed)
    new = answer(join_page, proposed(form_data, 3), committed)

    assert again[:2] == (302, join_page.url + "merci/")
    assert again == new
    assert JoinRequest.objects.filter(proposed_rna_id=f"W77200000{number}").count() \
        == (1 if known == "pending" else 0)


def test_a_member_picked_in_the_directory_gets_the_same_answer_as_a_new_request(
    join_page, form_data, committed, member
):
    again = answer(join_page, {**form_data, "search": member.rna_id, "choice": ""},
                   committed)
    new = answer(join_page, proposed(form_data, 3), committed)

    assert again == new


def test_the_address_typed_learns_by_email_why_nothing_was_recorded(
    join_page, form_data, committed, pending, member
):
    answer(join_page, {**proposed(form_data, 1), "email": "deuxieme@example.org"}, committed)
    answer(join_page, {**proposed(form_data, 2), "email": "troisieme@example.org"},
           committed)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"deuxieme@example.org", "troisieme@example.org"}
    assert "attend déjà la réponse de la coordination" in by_address["deuxieme@example.org"].body
    assert "premiere@example.org" not in by_address["deuxieme@example.org"].body
    assert "déjà membre" in by_address["troisieme@example.org"].body
    assert JoinRequest.objects.count() == 1


def test_a_request_in_english_is_told_in_english(
    client, join_page, form_data, committed, pending, english_home, english
):
    join_page_en = join_page.copy_for_translation(english)
    join_page_en.save_revision().publish()

    with committed():
        client.post(join_page_en.url, proposed(form_data, 1))

    [message] = mail.outbox
    assert "already waiting" in message.body


@pytest.mark.parametrize("known", ["pending", "member"])
def test_a_known_association_counts_against_the_limit_like_a_new_request(
    join_page, form_data, committed, monkeypatch, known, request
):
    request.getfixturevalue(known)
    number = 1 if known == "pending" else 2
    monkeypatch.setattr(views.REQUESTS_PER_IP, "limit", 2)

    statuses = [answer(join_page, proposed(form_data, number), committed)[0]
                for _attempt in range(2)]
    statuses.append(answer(join_page, proposed(form_data, 3), committed)[0])

    assert statuses == [302, 302, 429]
