"""/sitemap.xml: every live public page in every language, with its hreflang alternates.

Wagtail's own sitemap lists the pages under the site's root page only, that is the French
tree; translations live in sibling trees (one per locale), so this sitemap walks all of them
and links the versions of a page together (`<xhtml:link rel="alternate" hreflang>`).
"""

from collections import defaultdict

from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

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


def sitemap(request):
    return sitemap_views.sitemap(request, sitemaps={"pages": PortalSitemap(request)})
