from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campagnes")

    def ready(self):
        from campaigns import personal_data, petition_pages  # noqa: F401 (its signals)
        from campaigns.models import Letter, Signature
        from portal import personal_data as registry

        # What the petitions hold on people, and how long (manage.py export/erase/
        # purge_personal_data).
        registry.register(
            "campaigns", label=_("Signatures des pétitions et lettres aux élus"),
            export=personal_data.export, erase=personal_data.erase,
            retention=personal_data.RETENTION,
        )
        registry.register_models(Signature, Letter)
