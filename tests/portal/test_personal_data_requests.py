"""The public page /donnees-personnelles/: a person asks for the export or the erasure of
their data, the page answers the same whether the address is known or not, and the request
is done once the signed, dated, single-use link emailed to the address is confirmed."""

import datetime
import json
import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.models import Signature
from tests.factories import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    MembershipFactory,
    PersonFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "camille.martin@example.org"
FORM = "/donnees-personnelles/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as a visitor; the emails queued once the request's transaction commits leave."""

    def post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **kwargs)

    return post


@pytest.fixture
def signature(home_page):
    campaign = CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page))
    return SignatureFactory(campaign=campaign, first_name="Camille", last_name="Martin",
                            email=EMAIL, confirmed=True)


def link_in(message):
    return re.search(r"http://testserver(/\S+/confirm(?:er)?/\S+/)", message.body).group(1)


def ask(post, action, email=EMAIL, url=FORM):
    return post(url, {"email": email, "action": action})


def test_the_page_is_public_and_linked_from_the_footer(client, home_page):
    response = client.get(FORM)

    assert response.status_code == 200
    assert 'name="email"' in response.text
    assert f'href="{FORM}"' in client.get("/").text


def test_the_page_has_an_english_version(client, english_home):
    with translation.override("en"):
        url = reverse("personal_data:request")

    response = client.get(url)

    assert url == "/en/personal-data/"
    assert response.status_code == 200
    assert "Your personal data" in response.text


def test_known_and_unknown_addresses_get_the_same_answer(client, post, signature,
                                                         mailoutbox):
    known = ask(post, "export")
    known_page = client.get(known.url)
    unknown = ask(post, "export", email="nobody@example.org")
    unknown_page = client.get(unknown.url)

    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert known_page.content == unknown_page.content
    assert EMAIL not in known_page.text
    assert [message.to for message in mailoutbox] == [[EMAIL], ["nobody@example.org"]]
    bodies = [message.body.replace(link_in(message), "LINK").replace(message.to[0], "X")
              for message in mailoutbox]
    assert bodies[0] == bodies[1]


def test_asking_changes_nothing_before_the_link_is_confirmed(post, signature, mailoutbox):
    ask(post, "erase")

    assert Signature.objects.get().email == EMAIL
    assert "effacement" in mailoutbox[0].subject


def test_opening_the_link_asks_to_confirm_and_changes_nothing(client, post, signature,
                                                              mailoutbox):
    ask(post, "erase")

    response = client.get(link_in(mailoutbox[0]))

    assert response.status_code == 200
    assert "Effacer mes données" in response.text
    assert Signature.objects.get().email == EMAIL


def test_the_confirmed_export_arrives_by_email_as_json(client, post, signature, mailoutbox):
    ask(post, "export")

    response = post(link_in(mailoutbox[0]))

    assert response.status_code == 200
    export = mailoutbox[1]
    assert export.to == [EMAIL]
    [(name, content, mimetype)] = export.attachments
    assert name.endswith(".json") and mimetype == "application/json"
    document = json.loads(content)
    assert document["email"] == EMAIL
    [record] = document["data"]["campaigns"]["records"]
    assert record["last_name"] == "Martin"
    assert Signature.objects.get().email == EMAIL


def test_the_confirmed_erasure_is_done_and_confirmed_by_email(client, post, signature,
                                                              mailoutbox):
    person = PersonFactory(email=EMAIL)
    MembershipFactory(person=person)
    ask(post, "erase")

    response = post(link_in(mailoutbox[0]))

    assert response.status_code == 200
    assert "Vos données sont effacées" in response.text
    assert Signature.objects.get().email == ""
    person.refresh_from_db()
    assert not person.is_active and person.email == ""
    assert mailoutbox[1].to == [EMAIL]
    assert "effacées" in mailoutbox[1].subject


def test_a_link_works_once(client, post, signature, mailoutbox):
    ask(post, "export")
    link = link_in(mailoutbox[0])
    post(link)

    again = post(link)
    opened = client.get(link)

    assert again.status_code == opened.status_code == 410
    assert "Ce lien a déjà servi" in again.text
    assert len(mailoutbox) == 2  # the link, one export


def test_an_expired_link_is_refused(client, post, signature, mailoutbox, time_machine,
                                    settings):
    settings.PERSONAL_DATA_LINK_HOURS = 24
    time_machine.move_to(timezone.now(), tick=False)
    ask(post, "erase")
    time_machine.shift(datetime.timedelta(hours=25))

    response = post(link_in(mailoutbox[0]))

    assert response.status_code == 410
    assert "Ce lien a expiré" in response.text
    assert Signature.objects.get().email == EMAIL


def test_a_forged_link_is_refused(client, post, signature):
    forged = signing.dumps({"e": EMAIL, "a": "erase", "l": "fr"}, salt="another-salt")

    response = post(reverse("personal_data:confirm", args=[forged]))

    assert response.status_code == 400
    assert "Ce lien ne fonctionne pas" in response.text
    assert Signature.objects.get().email == EMAIL


def test_a_tampered_link_is_refused(client, post, signature, mailoutbox):
    ask(post, "export")
    link = link_in(mailoutbox[0])

    response = client.get(link[:-3] + "xx/")

    assert response.status_code == 400


def test_a_bad_address_is_refused_with_its_field_error(client, post, mailoutbox):
    response = ask(post, "export", email="pas-une-adresse")

    assert response.status_code == 400
    assert "pas-une-adresse" in response.text
    assert not mailoutbox


def test_requests_are_rate_limited_per_address(client, post, settings, mailoutbox):
    settings.PERSONAL_DATA_REQUESTS_PER_EMAIL_PER_HOUR = 2
    for _ in range(2):
        ask(post, "export")

    response = ask(post, "export")

    assert response.status_code == 429
    assert "réessayez dans une heure" in response.text
    assert len(mailoutbox) == 2


def test_requests_are_rate_limited_per_connection(client, post, settings, mailoutbox):
    settings.PERSONAL_DATA_REQUESTS_PER_IP_PER_HOUR = 1
    ask(post, "export", email="a@example.org")

    response = ask(post, "export", email="b@example.org")

    assert response.status_code == 429
    assert len(mailoutbox) == 1


def test_the_english_request_gets_english_emails(client, post, english_home, mailoutbox):
    ask(post, "export", url="/en/personal-data/")

    assert "Confirm" in mailoutbox[0].subject
    assert "/en/personal-data/confirm/" in mailoutbox[0].body
