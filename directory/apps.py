from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Annuaire des associations")

    def ready(self):
        from directory import live_figures, signals  # noqa: F401 - connects the receivers

        live_figures.register()
