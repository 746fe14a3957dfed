from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Annuaire des associations")

    def ready(self):
        from directory import live_figures, personal_data, signals  # noqa: F401 - receivers
        from directory.models import AssociationChangeRequest
        from portal import personal_data as registry

        live_figures.register()
        # Who proposed changes of an association's record (manage.py export/
        # purge_personal_data; erased with the account that proposed them), and the model
        # that holds them (refused in the admin to whom may not see it).
        registry.register(
            "directory", label=_("Modifications de fiche proposées"),
            export=personal_data.export, retention=personal_data.RETENTION,
        )
        registry.register_models(AssociationChangeRequest)
        # What the public pages show of it: they are made again when it changes.
        from directory.models import Association, Commune, Sector
        from portal import page_cache

        page_cache.invalidate_on_change(Association, Commune, Sector)
