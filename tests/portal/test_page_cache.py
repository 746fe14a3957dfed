"""Public pages kept for anonymous visitors (portal.page_cache): served again from the cache,
forgotten when a page is published or what it shows changes, never for someone with a session,
with headers a CDN can honour, and Wagtail's frontend cache purged on publication."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from tests.factories import AssociationFactory, StandardPageFactory
from tests.factories.directory import DirectoryPageFactory

pytestmark = pytest.mark.django_db

PURGED = []


class RecordingBackend(BaseBackend):
    """A frontend cache (CDN) that records the addresses it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Nos actions", slug="nos-actions")


def test_a_second_anonymous_visitor_gets_the_page_from_the_cache(client, page):
    first = client.get("/nos-actions/")
    second = client.get("/nos-actions/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_publishing_a_change_serves_the_new_page_at_once(client, page):
    client.get("/nos-actions/")
    page.title = "Nos actions de l'année"
    page.save_revision().publish()

    response = client.get("/nos-actions/")

    assert response["X-Page-Cache"] == "miss"
    assert "Nos actions de l&#x27;année" in response.text


def test_unpublishing_a_page_takes_it_off_at_once(client, page):
    client.get("/nos-actions/")
    page.unpublish()

    assert client.get("/nos-actions/").status_code == 404


def test_making_a_page_private_takes_its_copy_away_from_visitors(client, page):
    client.get("/nos-actions/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/nos-actions/")

    assert response.status_code == 302
    assert "Nos actions" not in response.text


def test_an_association_changed_in_the_directory_shows_at_once(client, home_page):
    DirectoryPageFactory(parent=home_page)
    association = AssociationFactory(name="Les Jardins de Vaires")
    client.get("/annuaire/")
    association.name = "Les Jardins partagés de Vaires"
    association.save()

    response = client.get("/annuaire/")

    assert response["X-Page-Cache"] == "miss"
    assert "Les Jardins partagés de Vaires" in response.text


def test_a_signed_in_person_is_never_served_a_kept_page(client, page):
    client.get("/nos-actions/")
    client.force_login(get_user_model().objects.create_user("camille", "camille@example.org"))

    response = client.get("/nos-actions/")

    assert "X-Page-Cache" not in response


def test_a_visitor_with_a_session_is_neither_served_nor_stored(client, page):
    client.cookies["sessionid"] = "whatever"

    client.get("/nos-actions/")
    response = client.get("/nos-actions/")

    assert "X-Page-Cache" not in response


def test_trackers_parameters_share_the_page_s_copy(client, page):
    client.get("/nos-actions/?utm_source=newsletter")

    response = client.get("/nos-actions/?fbclid=IwAR0abc&utm_medium=social")

    assert response["X-Page-Cache"] == "hit"


def test_other_parameters_have_a_copy_of_their_own(client, page):
    client.get("/nos-actions/?page=2")

    assert client.get("/nos-actions/?page=3")["X-Page-Cache"] == "miss"
    assert client.get("/nos-actions/?page=2")["X-Page-Cache"] == "hit"


def test_a_page_without_a_form_may_be_kept_by_a_cdn_for_a_short_while(client, page, settings):
    settings.PAGE_CACHE_SHARED_MAX_AGE = 45

    for response in (client.get("/nos-actions/"), client.get("/nos-actions/")):
        assert "public" in response["Cache-Control"]
        assert "s-maxage=45" in response["Cache-Control"]


def test_pages_outside_the_public_site_are_never_kept(client, page):
    client.get("/search/?q=actions")

    assert "X-Page-Cache" not in client.get("/search/?q=actions")
    assert "X-Page-Cache" not in client.get("/extranet/compte/login/")


def test_a_missing_page_is_not_kept(client, home_page):
    client.get("/nulle-part/")

    assert "X-Page-Cache" not in client.get("/nulle-part/")


def test_with_the_cache_off_nothing_is_kept(client, page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/nos-actions/")

    assert "X-Page-Cache" not in client.get("/nos-actions/")


def test_publishing_a_page_purges_its_addresses_from_the_frontend_cache(
        page, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert any(url.endswith("/nos-actions/") for url in PURGED)


def test_making_a_page_private_purges_it_and_the_pages_under_it_from_the_frontend_cache(
        page, settings, django_capture_on_commit_callbacks):
    StandardPageFactory(parent=page, title="Nos bilans", slug="nos-bilans")
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    assert any(url.endswith("/nos-actions/") for url in PURGED)
    assert any(url.endswith("/nos-actions/nos-bilans/") for url in PURGED)


def test_making_a_page_public_again_purges_it_from_the_frontend_cache(
        page, settings, django_capture_on_commit_callbacks):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN)
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": f"{__name__}.RecordingBackend"}}
    PURGED.clear()

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    assert any(url.endswith("/nos-actions/") for url in PURGED)


def test_a_page_with_a_query_string_is_kept_a_minute_at_most(client, page):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/nos-actions/?page=2")
        client.get("/nos-actions/")
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        with_query = client.get("/nos-actions/?page=2")
        without = client.get("/nos-actions/")

    assert with_query["X-Page-Cache"] == "miss"
    assert without["X-Page-Cache"] == "hit"


def test_pages_are_kept_in_a_cache_of_their_own_when_one_is_set(client, page, settings):
    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages-only"}}
    caches["default"].clear()  # the version the page's creation wrote there
    client.get("/nos-actions/")

    assert client.get("/nos-actions/")["X-Page-Cache"] == "hit"
    assert any(key.startswith(":1:page-cache:") for key in caches["pages"]._cache)
    assert not any("page-cache:" in key for key in caches["default"]._cache)


def test_when_the_cache_is_down_the_page_is_served_uncached(client, page):
    from unittest import mock

    with mock.patch("portal.page_cache.cache.get_many", side_effect=ConnectionError("down")):
        response = client.get("/nos-actions/")

    assert response.status_code == 200
    assert "Nos actions" in response.text

