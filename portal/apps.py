from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Registers the `id` path converter now, before any model defines its routes.
from portal import converters  # noqa: F401


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portail")

    def ready(self):
        from portal import checks, data_requests, personal_data, signals  # noqa: F401 - connects the receivers, checks

        # The fingerprints of the used links of /donnees-personnelles/ (purge_personal_data).
        personal_data.register_retention(*data_requests.RETENTION)
