"""Small site-wide views: health check, robots.txt, the web app manifest and the site's share
image."""

from django.http import JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from portal import health, share_images
from portal.models import SiteSettings


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 when the database and the shared cache answer, 503 otherwise,
    with what failed; the background tasks' backlog is told too, but does not take a web
    server out of service (a late worker is not this server's fault: /healthz/tasks)."""
    checks = health.checks()
    healthy = checks["database"]["status"] == "ok" and checks["cache"]["status"] == "ok"
    return JsonResponse({"status": "ok" if healthy else "error", **checks},
                        status=200 if healthy else 503)


@never_cache
@require_GET
def healthz_tasks(request):
    """For monitoring: 503 when the oldest task ready to run has waited longer than
    TASK_BACKLOG_MAX_SECONDS (the worker is stopped or overwhelmed)."""
    backlog = health.task_backlog()
    return JsonResponse(backlog, status=200 if backlog["status"] == "ok" else 503)


@require_GET
@cache_control(max_age=60 * 60, public=True)
def web_manifest(request):
    """The web app manifest: the site's name and icons, for a phone's home screen."""
    site_settings = SiteSettings.for_request(request)
    icons = [
        {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png",
         "purpose": "any maskable"},
        {"src": static("img/icon-512.png"), "sizes": "512x512", "type": "image/png",
         "purpose": "any maskable"},
        {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
    ]
    manifest = {
        "name": site_settings.site_name,
        "short_name": site_settings.site_name[:30],
        "lang": "fr",
        "start_url": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b5563",
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


@require_GET
def share_image(request):
    """The site's share image, for the pages without one of their own: its name and tagline
    (portal.share_images)."""
    site_settings = SiteSettings.for_request(request)
    title = site_settings.tagline or site_settings.site_name
    where = share_images.where(request)
    return share_images.response(
        ["site", title, site_settings.site_name, where],
        lambda: share_images.render(title, site_settings.site_name, where),
    )


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sitemap_url"] = self.request.build_absolute_uri(reverse("sitemap"))
        return context


robots = cache_control(max_age=3600, public=True)(RobotsView.as_view())
