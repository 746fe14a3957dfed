"""The campaign pages the signing POST keeps between two changes (campaigns.petition_pages):
loaded once, and loaded again as soon as anything could open, close or hide the petition."""

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from campaigns import petition_pages
from campaigns.models import CampaignStatus, Signature

pytestmark = pytest.mark.django_db


def sign(client, campaign, email):
    return client.post(f"/petitions/signer/{campaign.pk}/", {
        "first_name": "Camille", "last_name": "Martin", "email": email, "postcode": "77100",
        "association_name": "", "comment": "", "consent": "on", "website": "",
    })


def test_a_second_signature_does_not_load_the_campaign_page_again(
    client, campaign, django_assert_num_queries
):
    sign(client, campaign, "first@example.org")

    # The signature's savepoint, insert and release only.
    with django_assert_num_queries(3):
        sign(client, campaign, "second@example.org")


def test_closing_the_campaign_refuses_the_next_signature_at_once(client, campaign):
    assert sign(client, campaign, "first@example.org").status_code == 302
    campaign.status = CampaignStatus.CLOSED
    campaign.save_revision().publish()

    response = sign(client, campaign, "second@example.org")

    assert response.status_code == 409
    assert Signature.objects.count() == 1


def test_unpublishing_the_campaign_refuses_the_next_signature(client, campaign):
    assert sign(client, campaign, "first@example.org").status_code == 302
    campaign.unpublish()

    assert sign(client, campaign, "second@example.org").status_code == 404


def test_making_the_campaigns_private_refuses_the_next_signature(client, campaign, campaign_index):
    assert sign(client, campaign, "first@example.org").status_code == 302
    PageViewRestriction.objects.create(page=campaign_index, restriction_type="login")

    assert sign(client, campaign, "second@example.org").status_code == 404


def test_lifting_the_restriction_takes_signatures_again(client, campaign, campaign_index):
    restriction = PageViewRestriction.objects.create(page=campaign_index,
                                                     restriction_type="login")
    assert sign(client, campaign, "first@example.org").status_code == 404
    restriction.delete()

    assert sign(client, campaign, "second@example.org").status_code == 302


def test_an_emptied_cache_gives_a_new_version(campaign):
    first = petition_pages.version_from(cache.get_many([petition_pages.VERSION_KEY]))
    cache.clear()

    second = petition_pages.version_from(cache.get_many([petition_pages.VERSION_KEY]))

    assert second and second != first


def test_a_page_kept_under_an_old_version_is_loaded_again(campaign, django_assert_num_queries):
    petition_pages.petition_page(campaign.pk, "old")
    with django_assert_num_queries(0):
        petition_pages.petition_page(campaign.pk, "old")

    with django_assert_num_queries(1):
        page, source = petition_pages.petition_page(campaign.pk, "new")

    assert page == campaign and source == campaign
