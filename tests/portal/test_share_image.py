"""The site's own share image (portal/share_images.py, /partage.png): its name and tagline,
for the pages that have no image of their own."""

import io

import pytest
from PIL import Image
from wagtail.models import Site

from portal.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_the_site_s_share_image_is_a_png_of_1200_by_630_with_its_tagline(client, home_page):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.tagline = "Ensemble, faire entendre la voix des associations"
    site_settings.save()

    response = client.get("/partage.png")

    image = Image.open(io.BytesIO(b"".join(response)))
    assert response["Content-Type"] == "image/png"
    assert image.size == (1200, 630)
    assert image.text["Title"] == "Ensemble, faire entendre la voix des associations"


def test_a_page_without_an_image_of_its_own_is_shared_with_the_site_s(client, home_page):
    page = StandardPageFactory(parent=home_page)

    head = client.get(page.url).text.split("</head>")[0]

    assert '<meta property="og:image" content="http://testserver/partage.png">' in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head
