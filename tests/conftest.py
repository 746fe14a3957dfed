"""Fixtures shared by the whole suite. Objects are made by factories (tests/factories/)."""

import pytest
from wagtail.models import Locale, Site

from home.models import HomePage


@pytest.fixture
def home_page(db):
    """The French home page that the migrations create, root of the default site."""
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def english_home(home_page, english):
    home_en = home_page.copy_for_translation(english)
    home_en.title = "Home"
    home_en.hero_title = "Together, associations are heard"
    home_en.save_revision().publish()
    return home_en


@pytest.fixture
def site(home_page):
    return Site.objects.get(is_default_site=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths and renditions: start each test from a clean cache."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French: a request through LocaleMiddleware leaves its language
    active in the thread, and the next test of the same worker would inherit it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
