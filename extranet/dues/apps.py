from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuesConfig(AppConfig):
    name = "extranet.dues"
    label = "dues"
    verbose_name = _("Cotisations et fonds de solidarité")

    def ready(self):
        from extranet.dues.models import FundEntry
        from portal import page_cache

        # The solidarity fund's public page shows the ledger: made again when it changes.
        page_cache.invalidate_on_change(FundEntry)
