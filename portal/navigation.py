"""Navigation data for templates: menus, breadcrumbs and the language switcher.

Each function runs a fixed number of queries, however many links a menu holds, and caches
its result on the request so that a template may ask twice for free. What does not depend on
the request (menus, breadcrumbs, translations of a page, legal links) is also kept in the
shared cache, under a version number that `portal.signals` changes whenever a page is
published, unpublished, moved or deleted, or a menu, the site settings or a site change: most
pages then render their navigation without a query.
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from portal.blocks import localize_links
from portal.chosen_language import PARAMETER as LANGUAGE_PARAMETER
from portal.chosen_language import chosen_language_path
from portal.i18n import localize_pages
from portal.models import Menu

VERSION_KEY = "portal:navigation:version"
SHARED_TIMEOUT = 60 * 60  # a safety net: the version changes with every edit that matters


def navigation_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def navigation_changed():
    """Forget every shared navigation entry (called by the signals of portal.signals)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def _cached(request, key, compute):
    per_request = request.__dict__.setdefault("_portal_navigation", {})
    if key not in per_request:
        per_request[key] = compute()
    return per_request[key]


def _shared(request, key, compute):
    """`compute()`'s result, kept for this request and in the shared cache (by site)."""

    if not settings.CACHE_SHARED_BY_PROCESSES:
        return _cached(request, key, compute)

    def compute_shared():
        site = Site.find_for_request(request)
        # The version is read once per request, not once per menu.
        version = _cached(request, ("version",), navigation_version)
        parts = ["portal:navigation", version, getattr(site, "pk", 0), *key]
        shared_key = ":".join(str(part) for part in parts)
        value = cache.get(shared_key)
        if value is None:
            value = compute()
            cache.set(shared_key, value, SHARED_TIMEOUT)
        return value

    return _cached(request, key, compute_shared)


def menu_links(request, location):
    """The links of the menu at `location` in the active language (French as a fallback)."""

    def compute():
        language = translation.get_language()
        menus = {
            menu.locale.language_code: menu
            for menu in Menu.objects.filter(
                location=location,
                locale__language_code__in={language, settings.LANGUAGE_CODE},
            ).select_related("locale")
        }
        menu = menus.get(language) or menus.get(settings.LANGUAGE_CODE)
        if menu is None:
            return []
        localize_links(menu.items)
        links = []
        for block in menu.items:
            link = block.value
            url = link.href()
            if url:
                links.append({"url": url, "label": link.text(), "lang": link.lang()})
        return links

    links = _shared(request, ("menu", location, translation.get_language()), compute)
    return [{**link, "current": link["url"] == request.path} for link in links]


def home_url(request):
    """The address of the home page in the active language ("/" without a site)."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return "/"
        return localize_pages([site.root_page])[0].get_url(request) or "/"

    return _shared(request, ("home", translation.get_language()), compute)


def breadcrumbs(request, page):
    """The live ancestors of `page` below the site root, home page first: url and title."""
    if page is None or page.depth <= 2 or not page.pk:
        return []

    def compute():
        ancestors = page.get_ancestors().filter(depth__gte=2).live()
        return [
            {"url": ancestor.get_url(request), "title": ancestor.title}
            for ancestor in ancestors.only("id", "title", "url_path", "depth")
        ]

    return _shared(request, ("breadcrumbs", page.pk), compute)


def language_links(request, page=None):
    """One entry per language: where the same content is in that language.

    A page links to its translations; other views (search…) keep their path under the
    language prefix. Both are true alternates (`alternate`: True, for hreflang links). Where
    neither exists (a page not yet translated, a 404), the entry links to the home page in
    that language, for the switcher only.
    """

    def compute():
        current = translation.get_language()
        urls = {}
        if page is not None and getattr(page, "pk", None):
            urls.update(_translation_urls(request, page))
        elif chosen_language_path(request.path_info):
            # One address for both languages: the link says which (portal.chosen_language).
            for code, _name in settings.LANGUAGES:
                query = request.GET.copy()
                query[LANGUAGE_PARAMETER] = code
                urls[code] = f"{request.path}?{query.urlencode()}"
        elif _is_own_view(request):
            full_path = request.get_full_path()
            for code, _name in settings.LANGUAGES:
                urls[code] = translate_url(full_path, code)
        alternates = set(urls)
        missing = [code for code, _name in settings.LANGUAGES if code not in urls]
        if missing:
            urls.update(_home_urls(request, missing))
        return [
            {
                "code": code,
                "name": name,
                "url": urls[code],
                "current": code == current,
                "alternate": code in alternates,
            }
            for code, name in settings.LANGUAGES
            if urls.get(code)
        ]

    return _cached(request, ("languages", getattr(page, "pk", None)), compute)


def _translation_urls(request, page):
    """The live versions of `page`, by language code (one query, then cached)."""

    def compute():
        versions = page.get_translations(inclusive=True).live().select_related("locale")
        return {version.locale.language_code: version.get_url(request) for version in versions}

    return _shared(request, ("translations", page.pk), compute)


def _is_own_view(request):
    """A view of ours (search…), not Wagtail's page serving (which gives pages, or a 404)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


def _home_urls(request, language_codes):
    """The live home pages in these languages, by language code (one query, then cached)."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        return {home.locale.language_code: home.get_url(request) for home in homes}

    homes = _shared(request, ("homes",), compute)
    return {code: url for code, url in homes.items() if code in language_codes}


def legal_links(request, site_settings):
    """The footer's mandatory links (legal notice, privacy, accessibility), localized."""

    def compute():
        wanted = [
            (site_settings.legal_notice_page_id, gettext("Mentions légales")),
            (site_settings.privacy_page_id, gettext("Données personnelles")),
            (site_settings.accessibility_page_id, gettext("Accessibilité")),
        ]
        ids = [page_id for page_id, _label in wanted if page_id]
        if not ids:
            return []
        pages = {page.pk: page for page in Page.objects.live().filter(pk__in=ids)}
        originals = [pages[page_id] for page_id, _label in wanted if page_id in pages]
        localized = dict(zip(originals, localize_pages(originals), strict=True))
        return [
            {"url": localized[pages[page_id]].get_url(request), "label": label}
            for page_id, label in wanted
            if page_id in pages
        ]

    return _shared(request, ("legal", translation.get_language()), compute)


def join_link(request, site_settings):
    """The link « Adhérer » of the header and the footer: the join page of the site settings,
    in the reader's language; None when no live page is set."""

    def compute():
        if not site_settings.join_page_id:
            return None
        page = Page.objects.live().filter(pk=site_settings.join_page_id).first()
        if page is None:
            return None
        [localized] = localize_pages([page])
        return {"url": localized.get_url(request), "label": gettext("Adhérer")}

    return _shared(request, ("join", translation.get_language()), compute)
