"""Following the reader into their language: pages in the active language, in bulk."""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page


def current_language():
    """The active language when the site offers it, else the default one (what a signature,
    a registration or a request keeps, to write to its author in their language)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def localize_pages(pages, language_code=None):
    """Each page's live version in `language_code` (the active language by default), or the
    page itself where there is none; one query whatever the number of pages."""
    language_code = language_code or translation.get_language()
    keys = [page.translation_key for page in pages]
    localized = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=keys, locale__language_code=language_code)
        .select_related("locale")
    }
    return [localized.get(page.translation_key, page) for page in pages]


def page_in_language(page, language):
    """`page`'s live translation in `language` if it has one, else `page` itself."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == page.locale_id:
        return page
    translated = page.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else page


def source_page(page):
    """`page` in the default language, the one that holds what visitors send through its
    translations too (signatures, registrations); `page` itself when it has none. No query
    for a page in the default language whose locale came along."""
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    if page.locale.language_code == default_language:
        return page
    return type(page).objects.filter(
        translation_key=page.translation_key, locale__language_code=default_language
    ).first() or page


def language_codes(pages):
    """The language code of each page, by page id (one query at most)."""
    codes = {}
    missing = set()
    for page in pages:
        locale = page._state.fields_cache.get("locale")
        if locale is not None:
            codes[page.pk] = locale.language_code
        else:
            missing.add(page.locale_id)
    if missing:
        by_id = dict(Locale.objects.filter(pk__in=missing).values_list("pk", "language_code"))
        for page in pages:
            codes.setdefault(page.pk, by_id.get(page.locale_id))
    return codes
