from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Annuaire des associations")

    def ready(self):
        from directory import live_figures, signals  # noqa: F401 - connects the receivers
        from directory.models import AssociationChangeRequest
        from portal import personal_data as registry

        live_figures.register()
        # Who proposed a change of an association's record (portal/personal_data.py).
        registry.register_models(AssociationChangeRequest)
