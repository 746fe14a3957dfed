"""The charter as joining needs it, beyond home.charter_services (`current_charter_version`,
`sign_charter`): the page of a version in the request's language."""

from home.charter import CharterPage


def charter_page_in_language(version, language):
    """The charter page of `version` in `language` when it is translated and live, else the
    French one."""
    from portal.i18n import page_in_language

    page = version.page
    return page_in_language(page, language) if isinstance(page, CharterPage) else page
