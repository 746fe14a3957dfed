"""A campaign's page kept for anonymous visitors (portal.page_cache): its counter follows the
confirmed signatures within the stated lag, and the petition's form served from the cache
carries each visitor's own CSRF token, which the signing accepts."""

import datetime
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from campaigns import signatures
from campaigns.models import Signature
from tests.factories import SignatureFactory

pytestmark = pytest.mark.django_db

COUNT = re.compile(r'<strong class="petition__count" data-count>(\d+)</strong>')
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_LIVE_LAG = 30


def count_on(response):
    return int(COUNT.search(response.text).group(1))


def test_a_confirmed_signature_shows_on_the_kept_page_within_the_lag(
        client, campaign, django_capture_on_commit_callbacks):
    signature = SignatureFactory(campaign=campaign)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert count_on(client.get(campaign.url)) == 0
        with django_capture_on_commit_callbacks(execute=True):
            signatures.confirm(signature)
        within_lag = client.get(campaign.url)
    with time_machine.travel(start + datetime.timedelta(seconds=31), tick=False):
        after_lag = client.get(campaign.url)

    assert within_lag["X-Page-Cache"] == "hit"
    assert count_on(within_lag) == 0
    assert after_lag["X-Page-Cache"] == "miss"
    assert count_on(after_lag) == 1


def test_a_signature_not_yet_committed_moves_no_counter(client, campaign):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(campaign.url)
        signatures.confirm(SignatureFactory(campaign=campaign))  # its commit never comes
    with time_machine.travel(start + datetime.timedelta(seconds=31), tick=False):
        response = client.get(campaign.url)

    assert response["X-Page-Cache"] == "hit"


def test_without_new_signatures_the_page_stays_kept_after_the_lag(client, campaign):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(campaign.url)
    with time_machine.travel(start + datetime.timedelta(minutes=5), tick=False):
        response = client.get(campaign.url)

    assert response["X-Page-Cache"] == "hit"


def test_two_visitors_of_the_kept_page_get_tokens_of_their_own(campaign):
    first, second = Client(), Client()

    first_token = TOKEN.search(first.get(campaign.url).text).group(1)
    kept = second.get(campaign.url)

    assert kept["X-Page-Cache"] == "hit"
    assert TOKEN.search(kept.text).group(1) != first_token
    assert "private" in kept["Cache-Control"]
    assert "csrftoken" in kept.cookies


def test_a_visitor_signs_with_the_form_of_the_kept_page(campaign):
    Client().get(campaign.url)  # someone else made the copy
    visitor = Client(enforce_csrf_checks=True)
    kept = visitor.get(campaign.url)
    token = TOKEN.search(kept.text).group(1)

    response = visitor.post(f"/petitions/signer/{campaign.pk}/", {
        "first_name": "Camille", "last_name": "Martin", "email": "camille@example.org",
        "postcode": "77100", "consent": "on", "website": "", "csrfmiddlewaretoken": token,
    })

    assert kept["X-Page-Cache"] == "hit"
    assert response.status_code == 302
    assert Signature.objects.filter(email="camille@example.org").exists()


def test_while_one_visitor_remakes_a_page_behind_its_counter_the_others_get_the_copy(
        client, campaign, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from portal import page_cache

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(campaign.url)
        with django_capture_on_commit_callbacks(execute=True):
            signatures.confirm(SignatureFactory(campaign=campaign))
    key = page_cache.key_for(client.get(campaign.url).wsgi_request)
    cache.add(f"{key}:making", 1, 300)  # someone else is making it
    with time_machine.travel(start + datetime.timedelta(seconds=31), tick=False):
        response = client.get(campaign.url)

    assert response["X-Page-Cache"] == "hit"
    assert count_on(response) == 0


def test_a_signer_s_erasure_takes_the_kept_page_away_at_once(client, campaign):
    from campaigns.personal_data import erase_signatures

    signature = SignatureFactory(campaign=campaign, confirmed=True)
    client.get(campaign.url)

    erase_signatures(Signature.objects.filter(pk=signature.pk), timezone.now())

    assert client.get(campaign.url)["X-Page-Cache"] == "miss"
