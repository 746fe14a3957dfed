"""The site's addresses: the admins, the members' space, the public pages in French and English.
Here, in the app at the top of the site, since they name every app's routes (portal, the
ground floor, names none)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.sitemaps import sitemap, sitemap_index
from portal import admin_privacy, views

# One way to sign in, with the second factor (extranet.second_factor): the admins' own login
# pages send to allauth's, keeping ?next= so that the person comes back to the admin.
sign_in_instead = RedirectView.as_view(pattern_name="account_login", query_string=True)

urlpatterns = [
    path("django-admin/login/", sign_in_instead),
    path("admin/login/", sign_in_instead),
    path("django-admin/", admin.site.urls),
    # Admin routes that take the model from the URL, checked for personal data first.
    *admin_privacy.urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/tasks", views.healthz_tasks, name="healthz_tasks"),
    path("robots.txt", views.robots, name="robots"),
    path("site.webmanifest", views.web_manifest, name="web_manifest"),
    path("partage.png", views.share_image, name="share_image"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap, name="sitemap_section"),
    # The members' space, in French (English through the browser's language), outside the
    # language prefixes: accounts (django-allauth) under compte/, then the extranet's pages.
    path("extranet/compte/", include("allauth.urls")),
    # The joining app's pages in the members' space (an association leaves the collective).
    path("extranet/adhesion/", include("joining.urls")),
    path("extranet/", include("extranet.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages: French at the root, English under /en/.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    # Calendars end in .ics, not in a slash: Wagtail's own pattern takes only addresses that
    # end in "/", so these go to Wagtail here, which routes them to the page's route
    # `calendrier.ics/` (events.models).
    re_path(r"^((?:[\w\-]+/)+calendrier\.ics)$", wagtail_views.serve, name="page_calendar"),
    # A campaign's share image, likewise (its route `partage.png/`, campaigns.models).
    re_path(r"^((?:[\w\-]+/)+partage\.png)$", wagtail_views.serve, name="page_share_image"),
    # Registration to events: the form's POST, its confirmation, the cancel link of emails.
    path("events/", include("events.registration_urls")),
    # Petitions: the form's POST, the confirmation link of emails, the letter, the counter.
    path("petitions/", include("campaigns.petition_urls")),
    # Personal data: a person asks for their export or erasure, confirms by email.
    path("", include("portal.data_request_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
