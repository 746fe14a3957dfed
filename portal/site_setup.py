"""What a deployment needs in the database besides migrations, made idempotently by
`manage.py setup_site` after each deploy (and by `seed_demo`):

- one Wagtail locale per content language (French, English);
- the default site answering at BASE_URL, so that canonical links, the sitemap and emails
  carry the public address;
- the editorial roles and the review workflow (portal/editorial.py).
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Site

from portal.editorial import setup_editorial_roles


def ensure_locales():
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]


def configure_default_site(root_page=None, site_name=""):
    """Point the default site at BASE_URL (and at `root_page` when given)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        if root_page is None:
            return None
        site = Site(is_default_site=True, root_page=root_page)
    changes = {"hostname": hostname, "port": port}
    if root_page is not None:
        changes["root_page_id"] = root_page.pk
    if site_name and not site.site_name:
        changes["site_name"] = site_name
    if site.pk is None or any(getattr(site, key) != value for key, value in changes.items()):
        for key, value in changes.items():
            setattr(site, key, value)
        site.save()
    return site


def setup_site():
    locales = ensure_locales()
    site = configure_default_site()
    roles = setup_editorial_roles()
    return locales, site, roles
