from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Annuaire des associations")

    def ready(self):
        from directory import live_figures, signals  # noqa: F401 - connects the receivers

        live_figures.register()

        from directory import personal_data
        from portal import personal_data as registry

        # Who proposed changes of an association's record (manage.py export/
        # purge_personal_data); erased with the account that proposed them.
        registry.register(
            "directory", label=_("Modifications de fiche proposées"),
            export=personal_data.export, retention=personal_data.RETENTION,
        )
