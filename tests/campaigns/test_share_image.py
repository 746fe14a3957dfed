"""The image a campaign shows where its link is shared: drawn from its title and counter
(portal/share_images.py, campaigns/page_views.py), served at `partage.png` under the
campaign, named in the page's Open Graph and Twitter card."""

import io

import pytest
from PIL import Image

from portal.share_images import render
from tests.factories import ImageFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def share_url(campaign):
    return campaign.url + "partage.png"


def opened(response):
    return Image.open(io.BytesIO(b"".join(response)))


def test_the_share_image_is_a_png_of_1200_by_630_holding_the_campaign_s_title(client,
                                                                               campaign):
    response = client.get(share_url(campaign))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = opened(response)
    assert image.format == "PNG"
    assert image.size == (1200, 630)
    assert image.text["Title"] == "Pour l'emploi associatif"


def test_the_share_image_is_drawn_again_when_a_signature_is_confirmed(client, campaign):
    before = b"".join(client.get(share_url(campaign)))

    SignatureFactory(campaign=campaign, confirmed=True)
    after = b"".join(client.get(share_url(campaign)))

    assert after != before


def test_the_share_image_may_be_kept_ten_minutes_by_readers_and_networks(client, campaign):
    response = client.get(share_url(campaign))

    assert "public" in response["Cache-Control"]
    assert "max-age=600" in response["Cache-Control"]


def test_the_english_campaign_has_its_own_share_image_with_its_title(client, english_campaign):
    image = opened(client.get(share_url(english_campaign)))

    assert image.text["Title"] == "For jobs in associations"


def test_an_unpublished_campaign_has_no_share_image(client, campaign):
    url = share_url(campaign)
    campaign.unpublish()

    assert client.get(url).status_code == 404


def test_the_page_names_its_share_image_for_social_networks(client, campaign):
    text = client.get(campaign.url).text.split("</head>")[0]

    assert (f'<meta property="og:image" content="http://localhost{share_url(campaign)}">'
            in text)
    assert '<meta property="og:image:width" content="1200">' in text
    assert '<meta name="twitter:card" content="summary_large_image">' in text


def test_a_share_image_chosen_by_the_editors_comes_before_the_drawn_one(client, campaign):
    campaign.social_image = ImageFactory()
    campaign.save_revision().publish()

    text = client.get(campaign.url).text.split("</head>")[0]

    assert "partage.png" not in text
    assert 'property="og:image"' in text


def test_a_title_too_long_for_the_image_is_cut_and_the_image_keeps_its_size():
    title = "Une campagne au titre beaucoup trop long pour tenir " * 8

    image = Image.open(io.BytesIO(render(title, "Collectif", "example.org", count=12,
                                         goal=100)))

    assert image.size == (1200, 630)
    assert image.text["Title"] == title
