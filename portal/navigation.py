"""Navigation data for templates: menus, breadcrumbs and the language switcher.

Each function runs a fixed number of queries, however many links a menu holds, and caches
its result on the request so that a template may ask twice for free.
"""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from portal.models import Menu


def _cached(request, key, compute):
    cache = request.__dict__.setdefault("_portal_navigation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def localize_pages(pages, language_code):
    """Map each page to its live version in `language_code`, or keep it (one query)."""
    keys = [page.translation_key for page in pages if page.locale_id]
    localized = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language_code)
    }
    return [localized.get(page.translation_key, page) for page in pages]


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
        blocks = [block.value for block in menu.items]
        chosen = [value["page"] for value in blocks if value.get("page")]
        localized = dict(zip(chosen, localize_pages(chosen, language), strict=True))
        links = []
        for value in blocks:
            page = localized.get(value.get("page"))
            if page is not None:
                if not page.live:
                    continue
                url = page.get_url(request)
                label = value.get("label") or page.title
            else:
                url = value.get("url")
                label = value.get("label")
            if url:
                links.append({"url": url, "label": label, "current": url == request.path})
        return links

    return _cached(request, ("menu", location, translation.get_language()), compute)


def home_page(request):
    """The home page in the active language."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        return localize_pages([site.root_page], translation.get_language())[0]

    return _cached(request, ("home", translation.get_language()), compute)


def breadcrumbs(request, page):
    """The ancestors of `page` below the home page, home page first."""
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "depth"))


def language_links(request, page=None):
    """One entry per language: where the same content is in that language.

    A page links to its translations; a page not yet translated links to the home page of
    the other language; other views (search…) keep their path under the language prefix.
    """

    def compute():
        current = translation.get_language()
        urls = {}
        if page is not None and getattr(page, "pk", None):
            for version in page.get_translations(inclusive=True).live().select_related("locale"):
                urls[version.locale.language_code] = version.get_url(request)
            missing = [code for code, _name in settings.LANGUAGES if code not in urls]
            if missing:
                site = Site.find_for_request(request)
                if site is not None:
                    for root in site.root_page.get_translations(inclusive=True).live().filter(
                        locale__language_code__in=missing
                    ).select_related("locale"):
                        urls[root.locale.language_code] = root.get_url(request)
        else:
            full_path = request.get_full_path()
            for code, _name in settings.LANGUAGES:
                urls[code] = translate_url(full_path, code)
        return [
            {"code": code, "name": name, "url": urls[code], "current": code == current}
            for code, name in settings.LANGUAGES
            if urls.get(code)
        ]

    return _cached(request, ("languages", getattr(page, "pk", None)), compute)


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
        localized = dict(zip(originals, localize_pages(originals, translation.get_language()),
                             strict=True))
        return [
            {"url": localized[pages[page_id]].get_url(request), "label": label}
            for page_id, label in wanted
            if page_id in pages
        ]

    return _cached(request, ("legal", translation.get_language()), compute)
