"""What every app's emails share: subjects on one line, and the site's absolute addresses
(emails are sent by background tasks, without a request to build them from)."""

from django.conf import settings


def one_line(text):
    """A subject on one line whatever the names in it hold (a line break would be refused)."""
    return " ".join(text.split())


def absolute_url(path):
    """`path` on the site's address (BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
