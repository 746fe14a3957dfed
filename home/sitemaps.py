"""/sitemap.xml: an index of the site's sitemaps, each with its hreflang alternates.

- `sitemap-pages.xml`: every live public page in every language. Wagtail's own sitemap lists
  the pages under the site's root page only, that is the French tree; translations live in
  sibling trees (one per locale), so this sitemap walks all of them and links the versions of
  a page together (`<xhtml:link rel="alternate" hreflang>`).
- `sitemap-associations.xml?p=N`: the page of every published association in the directory,
  5,000 to a file (100,000 associations are 20 files, each one query).
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from directory.models import Association, DirectoryPage

BATCH = 500  # translation keys per query, well under SQLite's variable limit


class PortalSitemap(Sitemap):
    def public_pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return Page.objects.filter(in_a_tree).live().public()

    def items(self):
        return self.public_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = defaultdict(list)
        keys = list({item.translation_key for item in pages})
        for start in range(0, len(keys), BATCH):
            batch = keys[start : start + BATCH]
            for version in (
                self.public_pages().filter(translation_key__in=batch).select_related("locale")
            ):
                versions[version.translation_key].append(
                    {
                        "location": version.get_full_url(self.request),
                        "lang_code": version.locale.language_code,
                    }
                )
        urls = []
        for item in pages:
            alternates = versions[item.translation_key]
            for url_info in item.get_sitemap_urls(self.request):
                url_info["alternates"] = alternates if len(alternates) > 1 else []
                urls.append(url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class AssociationSitemap(DjangoSitemap):
    """The association pages of the site's directory, in each language it is published in."""

    limit = 5000

    def __init__(self, request):
        self.request = request
        self._directory_urls = None

    def directory_urls(self):
        """{language code: full URL of the directory page}, French first (one or two queries)."""
        if self._directory_urls is None:
            self._directory_urls = {}
            site = Site.find_for_request(self.request)
            root = site.root_page if site else None
            directory = (
                DirectoryPage.objects.live().public().descendant_of(root).first()
                if root is not None
                else None
            )
            if directory is not None:
                versions = directory.get_translations(inclusive=True).live().public()
                for version in versions.select_related("locale").order_by("locale_id"):
                    self._directory_urls[version.locale.language_code] = version.get_full_url(
                        self.request
                    )
        return self._directory_urls

    def items(self):
        if not self.directory_urls():
            return Association.objects.none()
        return (Association.objects.published().only("slug", "published", "updated_at")
                .order_by("pk"))

    def _urls(self, page, protocol, domain):
        directories = self.directory_urls()
        if not directories:
            return []
        main = directories.get("fr") or next(iter(directories.values()))
        urls = []
        for association in self.paginator.page(page).object_list:
            alternates = (
                [{"location": association.page_url(url), "lang_code": code}
                 for code, url in directories.items()]
                if len(directories) > 1 else []
            )
            urls.append({
                "item": association,
                "location": association.page_url(main),
                "lastmod": association.updated_at,
                "alternates": alternates,
            })
        if urls:
            self.latest_lastmod = max(url["lastmod"] for url in urls)
        return urls


def sitemaps_for(request):
    return {"pages": PortalSitemap(request), "associations": AssociationSitemap(request)}


def sitemap_index(request):
    return sitemap_views.index(request, sitemaps_for(request), sitemap_url_name="sitemap_section")


def sitemap(request, section):
    sitemaps = sitemaps_for(request)
    if section not in sitemaps:
        raise Http404
    return sitemap_views.sitemap(request, sitemaps, section=section)
