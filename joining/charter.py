"""The charter as joining needs it. Stand-ins, one function each, for the shared helpers of
home.charter (`current_charter_version`, `sign_charter`) that are being written at the same
time: swap them for those once they land."""

from django.conf import settings

from home.charter import CharterPage, CharterSignature, CharterVersion


def current_charter_version():
    """The latest version of the live charter page in the default language, or None when no
    charter is published (joining is then closed)."""
    return (
        CharterVersion.objects.filter(page__locale__language_code=settings.LANGUAGE_CODE,
                                      page__live=True)
        .select_related("page").order_by("-published_at", "-number").first()
    )


def sign_charter(association, version, by=None, on=None):
    """`association` signs `version` (once: signing again changes nothing)."""
    defaults = {"recorded_by": by}
    if on is not None:
        defaults["signed_on"] = on
    signature, _created = CharterSignature.objects.get_or_create(
        association=association, version=version, defaults=defaults
    )
    return signature


def charter_page_in_language(version, language):
    """The charter page of `version` in `language` when it is translated and live, else the
    French one."""
    from portal.i18n import page_in_language

    page = version.page
    return page_in_language(page, language) if isinstance(page, CharterPage) else page
