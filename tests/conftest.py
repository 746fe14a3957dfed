"""Fixtures shared by the whole suite. Objects are made by factories (tests/factories/)."""

import time

import django.test
import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY as AUTHENTICATION_METHODS_USER_SESSION_KEY,
)
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


class Client(django.test.Client):
    """The test client of the suite (`client`, `admin_client`).

    `force_login(user)` stands for a complete sign-in through allauth's login, second factor
    included: the session records the password and the code the way allauth does, so that
    extranet.second_factor lets it through even for an account that has (or must have) a
    second factor. Tests of that rule itself sign in through the real forms, or pass
    `second_factor=False` for a session signed in with the password only.
    """

    def force_login(self, user, backend=None, *, second_factor=True):
        super().force_login(user, backend)
        if second_factor:
            session = self.session
            now = time.time()
            session[AUTHENTICATION_METHODS_SESSION_KEY] = [
                {"method": "password", "at": now, "username": user.username},
                {"method": "mfa", "at": now, "type": "totp"},
            ]
            session[AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
            session.save()


@pytest.fixture
def client():
    return Client()


@pytest.fixture
def admin_client(admin_user):
    client = Client()
    client.force_login(admin_user)
    return client
