"""`manage.py setup_site` prepares a freshly migrated database for a deploy."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Site

pytestmark = pytest.mark.django_db


def test_setup_site_creates_every_content_language(home_page):
    call_command("setup_site", stdout=io.StringIO())

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fr", "en"}


def test_setup_site_gives_the_public_address_to_the_wagtail_site(home_page, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://collectif.example.org"

    call_command("setup_site", stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == (
        "collectif.example.org", 443, home_page.pk,
    )
    assert home_page.full_url == "https://collectif.example.org/"


def test_setup_site_twice_leaves_one_site_and_two_languages(home_page):
    call_command("setup_site", stdout=io.StringIO())

    call_command("setup_site", stdout=io.StringIO())

    assert Site.objects.count() == 1
    assert Locale.objects.count() == 2
