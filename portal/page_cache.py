"""Public pages kept for anonymous visitors, in the cache "pages" (the shared cache, Redis in
production, or a Redis of their own: PAGE_CACHE_URL).

A visitor without a session (no session cookie, no pending message) asking for a public page
(`CACHED_VIEWS`: Wagtail's pages and their routes, the event calendars, the sitemaps) gets the
copy the last such visitor got, with fresh CSRF tokens in its forms. Each copy lives at most
`PAGE_CACHE_SECONDS` (0 turns the cache off) and is forgotten at once when what the pages show
changes:

- a page is published, unpublished, moved or deleted (Wagtail's signals), or a model an app
  registered with `invalidate_on_change()` is saved or deleted (the directory's associations,
  the menus, the site's settings…): a new version, every copy is forgotten;
- a live figure moves (a signature confirmed, a registration to an event): `note_live_change()`
  marks the moment; a copy made before it is made again once it is `PAGE_CACHE_LIVE_LAG`
  seconds old, so that a counter lags by at most that much while a campaign is signed by
  thousands. One request makes it again; the others get the copy meanwhile.

What a visitor's browser or a shared cache (CDN, Varnish) may keep is said by Cache-Control:
a page without a form `public, max-age=0, s-maxage=PAGE_CACHE_SHARED_MAX_AGE`; a page with a
form `private` (its CSRF token is the visitor's own). Wagtail's frontend cache
(`WAGTAILFRONTENDCACHE`, docs/deployment.md) purges a page's addresses from the CDN when it is
published or unpublished.
"""

import logging
import re
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.cache import patch_cache_control
from django.utils.connection import ConnectionProxy

from portal.process_cache import new_version

logger = logging.getLogger(__name__)
# The cache "pages" (settings: the shared cache, or PAGE_CACHE_URL's), for the running thread.
cache = ConnectionProxy(caches, "pages")
VERSION_KEY = "page-cache:version"
LIVE_KEY = "page-cache:live-change"
# The views whose answers are the same for every anonymous visitor (their URL names).
CACHED_VIEWS = {"wagtail_serve", "page_calendar", "page_share_image", "sitemap",
                "sitemap_section"}
# Parameters that only trackers read: one copy of a page whatever their values (a shared link
# carries a new fbclid at each click).
TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid)$")
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
QUERY_SECONDS = 60  # the longest a page with a query string is kept
MAKING_SECONDS = 30  # the longest a page's remaking keeps the others on the old copy
HEADERS_NOT_KEPT = {"set-cookie", "content-length"}


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def forget_all():
    cache.set(VERSION_KEY, new_version(), None)


def invalidate(**kwargs):
    """Forget every kept page (a new version), now and again once the change is committed:
    a visitor between the two would keep the old page under the new version. Takes any
    signal's arguments."""
    forget_all()
    transaction.on_commit(forget_all)


def mark_live_change():
    cache.set(LIVE_KEY, time.time(), None)


def note_live_change():
    """A live figure moved (a confirmed signature, a registration): pages kept before its
    commit are made again once they are PAGE_CACHE_LIVE_LAG seconds old."""
    if seconds():
        transaction.on_commit(mark_live_change)


def invalidate_on_change(*models):
    """Forget every kept page whenever one of `models` is saved or deleted: what an app
    shows on public pages outside Wagtail's pages (called from the app's ready())."""
    for model in models:
        post_save.connect(invalidate, sender=model, weak=False,
                          dispatch_uid=f"page-cache-save-{model._meta.label}")
        post_delete.connect(invalidate, sender=model, weak=False,
                            dispatch_uid=f"page-cache-delete-{model._meta.label}")


def live_on_change(*models):
    """A live figure moves whenever one of `models` is saved or deleted (registrations)."""
    for model in models:
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(lambda **kwargs: note_live_change(), sender=model, weak=False,
                           dispatch_uid=f"page-cache-live-{name}-{model._meta.label}")


def key_for(request):
    """The copy's key: host, path and the query string without trackers' parameters."""
    query = [(name, value) for name, value in parse_qsl(request.META.get("QUERY_STRING", ""),
                                                         keep_blank_values=True)
             if not TRACKING_PARAMETERS.match(name)]
    return f"page-cache:{request.get_host()}:{request.path}?{urlencode(sorted(query))}"


def lifetime(key):
    """PAGE_CACHE_SECONDS for a page's own address; a minute at most with a query string
    (filters, pages of a list, or made-up parameters that would fill the cache)."""
    return seconds() if key.endswith("?") else min(seconds(), QUERY_SECONDS)


def may_use(request):
    """Whether the request may be answered from, and stored into, the cache."""
    return (request.method == "GET" and seconds() > 0
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES)


def may_keep(request, response):
    """Whether the answer is the same for every anonymous visitor."""
    match = getattr(request, "resolver_match", None)
    session = getattr(request, "session", None)
    return (match is not None and match.url_name in CACHED_VIEWS
            and response.status_code == 200 and not response.streaming
            and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}  # a form's token
            and not (session is not None and session.modified)
            and not any(word in response.get("Cache-Control", "")
                        for word in ("private", "no-store", "no-cache")))


def with_fresh_tokens(request, content):
    """The kept content with this visitor's CSRF token in each form."""
    token = get_token(request).encode()  # one for the page's forms: each makes two random strings
    return CSRF_FIELD.sub(lambda match: match.group(1) + token + match.group(2), content)


def shared_cache_headers(response, has_form):
    """What a browser or a CDN may keep of a public page (unless the view said already)."""
    if response.has_header("Cache-Control"):
        return
    if has_form:
        patch_cache_control(response, private=True)
    else:
        patch_cache_control(response, public=True, max_age=0,
                            s_maxage=getattr(settings, "PAGE_CACHE_SHARED_MAX_AGE", 60))


class AnonymousPageCacheMiddleware:
    """Serves public pages to anonymous visitors from the shared cache (see the module).

    Placed right after WhiteNoise, outside the sessions, languages, CSRF and authentication
    middlewares: a kept page needs none of them, but a page with a form, whose fresh token
    needs the CSRF middleware's cookie, which this one asks of it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if not may_use(request):
            return self.get_response(request)
        key = key_for(request)
        try:
            found = cache.get_many([VERSION_KEY, LIVE_KEY, key])
        except Exception:  # the cache is down: the site still answers, uncached
            logger.exception("The page cache is unreachable")
            return self.get_response(request)
        version = found.get(VERSION_KEY)
        if version is None:  # a cold or flushed cache: whatever it still holds is doubtful
            version = new_version()
            if not cache.add(VERSION_KEY, version, None):
                version = cache.get(VERSION_KEY)
        kept = found.get(key)
        if kept is not None and kept["version"] == version:
            if not self.behind(kept, found.get(LIVE_KEY)):
                return self.replay(request, kept)
            # Behind a live figure: one request makes the page again while the others are
            # answered the copy a moment longer (no stampede of a page signed by thousands).
            if not cache.add(f"{key}:making", 1, MAKING_SECONDS):
                return self.replay(request, kept)
        started = time.time()  # a change committed while the page is made is not in it
        response = self.get_response(request)
        if may_keep(request, response):
            has_form = b"csrfmiddlewaretoken" in response.content
            shared_cache_headers(response, has_form)
            headers = [(name, value) for name, value in response.items()
                       if name.lower() not in HEADERS_NOT_KEPT]
            cache.set(key, {"version": version, "made": started, "headers": headers,
                            "has_form": has_form,
                            "content": response.content}, lifetime(key))
            cache.delete(f"{key}:making")
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def behind(kept, live_change):
        """Whether a live figure moved since the copy was made, PAGE_CACHE_LIVE_LAG ago."""
        lag = getattr(settings, "PAGE_CACHE_LIVE_LAG", 30)
        return bool(live_change and live_change >= kept["made"]
                    and time.time() - kept["made"] >= lag)

    def replay(self, request, kept):
        has_form = kept["has_form"]
        content = kept["content"]
        if has_form:
            self.csrf.process_request(request)  # reads the visitor's CSRF cookie, if any
            content = with_fresh_tokens(request, content)
        response = HttpResponse(content)
        for name, value in kept["headers"]:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        if has_form:
            response = self.csrf.process_response(request, response)  # sets the cookie
        return response
