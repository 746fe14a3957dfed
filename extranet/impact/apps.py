from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "extranet.impact"
    label = "impact"
    verbose_name = _("Utilité sociale")

    def ready(self):
        from extranet.impact import live_figures, signals  # noqa: F401 - receivers

        live_figures.register()
