from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "extranet.impact"
    label = "impact"
    verbose_name = _("Utilité sociale")

    def ready(self):
        from extranet.impact import live_figures, signals  # noqa: F401 - receivers

        live_figures.register()
        # What the public pages show of it: they are made again when it changes.
        from extranet.impact.models import ImpactReport
        from portal import page_cache

        page_cache.invalidate_on_change(ImpactReport)
