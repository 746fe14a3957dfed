"""What the petition's POST does on its way to the thanks page, and what it costs: a redirect
carrying a signed cookie for that page alone (no session row per signer), a few queries; a
private campaign takes no signature."""

import pytest
from django.contrib.sessions.models import Session
from django.core import signing
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from campaigns import petition_views
from campaigns.models import Signature
from home.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def sign_url(campaign):
    return f"/petitions/signer/{campaign.pk}/"


def form(email="camille@example.org", **extra):
    return {"first_name": "Camille", "last_name": "Martin", "email": email,
            "postcode": "77100", "association_name": "", "comment": "", "consent": "on",
            "website": "", **extra}


def test_a_signature_redirects_to_the_thanks_page_with_its_own_signed_cookie(client, campaign):
    response = client.post(sign_url(campaign), form())

    assert response.status_code == 302
    assert response.url == f"{sign_url(campaign)}merci/"
    cookie = response.cookies[petition_views.DONE_COOKIE]
    assert cookie["path"] == response.url
    assert cookie["httponly"]
    request = RequestFactory().get(response.url, HTTP_COOKIE=f"{cookie.key}={cookie.value}")
    assert petition_views.just_signed(request, campaign.pk)
    assert not petition_views.just_signed(request, campaign.pk + 1)


def test_the_thanks_cookie_holds_nothing_about_the_signature(client, campaign):
    response = client.post(sign_url(campaign), form())

    signature = Signature.objects.get()
    value = response.cookies[petition_views.DONE_COOKIE].value
    # A signed value is readable: page id, time stamp, signature; nothing else.
    assert value.split(":")[0] == str(campaign.pk)
    assert len(value.split(":")) == 3
    assert signature.email not in value


def test_signing_writes_no_session(client, campaign):
    client.post(sign_url(campaign), form())
    client.post(sign_url(campaign), form(email="dominique@example.org"))

    assert Session.objects.count() == 0


def test_a_tampered_or_foreign_thanks_cookie_shows_nothing(campaign):
    forged = signing.get_cookie_signer(salt="another.salt").sign(str(campaign.pk))
    for value in (str(campaign.pk), forged, "garbage"):
        request = RequestFactory().get("/", HTTP_COOKIE=f"{petition_views.DONE_COOKIE}={value}")
        assert not petition_views.just_signed(request, campaign.pk)


def test_the_thanks_page_without_its_cookie_goes_back_to_the_campaign(client, campaign):
    response = client.get(f"{sign_url(campaign)}merci/")

    assert response.status_code == 302
    assert response.url == campaign.url


def test_a_signature_runs_a_few_queries(client, campaign, django_assert_max_num_queries):
    client.post(sign_url(campaign), form(email="first@example.org"))  # caches warm

    # The page is kept by the process (campaigns.petition_pages): the insert in its
    # transaction (savepoint, insert, release); the email is queued after the commit.
    with django_assert_max_num_queries(3):
        response = client.post(sign_url(campaign), form())

    assert response.status_code == 302


@pytest.mark.parametrize("restricted", ["campaign", "campaign_index"])
def test_a_private_campaign_takes_no_signature(client, campaign, restricted, request):
    page = request.getfixturevalue(restricted)
    PageViewRestriction.objects.create(page=page, restriction_type="login")

    response = client.post(sign_url(campaign), form())

    assert response.status_code == 404
    assert not Signature.objects.exists()


def test_a_private_page_elsewhere_does_not_close_the_petition(client, campaign, home_page):
    StandardPageFactory(parent=home_page, slug="espace-prive")
    PageViewRestriction.objects.create(page=StandardPage.objects.get(), restriction_type="login")

    response = client.post(sign_url(campaign), form())

    assert response.status_code == 302
    assert Signature.objects.count() == 1
