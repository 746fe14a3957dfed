from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campagnes")

    def ready(self):
        from campaigns import (
            association_campaigns,
            personal_data,
            petition_pages,  # noqa: F401 (its signals)
        )
        from campaigns.models import Letter, Signature
        from directory import association_sections
        from portal import personal_data as registry

        # What the petitions hold on people, and how long (manage.py export/erase/
        # purge_personal_data).
        registry.register(
            "campaigns", label=_("Signatures des pétitions et lettres aux élus"),
            export=personal_data.export, erase=personal_data.erase,
            retention=personal_data.RETENTION,
        )
        registry.register_models(Signature, Letter)
        # The campaigns it carries on an association's page in the directory.
        association_sections.register(
            "campaigns", template="campaigns/includes/association_campaigns.html",
            context=association_campaigns.section, order=20,
        )
        # What the public pages show of it: they are made again when it changes.
        from campaigns.models import ElectedOfficial
        from portal import page_cache

        page_cache.invalidate_on_change(ElectedOfficial)
