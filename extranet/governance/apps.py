from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "extranet.governance"
    label = "governance"
    verbose_name = _("Gouvernance")

    def ready(self):
        from charter import adoptions
        from extranet.governance.adoptions import charter_decisions

        # The charter's versions cite the register decision that adopts them.
        adoptions.register(charter_decisions)
