from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "extranet.governance"
    label = "governance"
    verbose_name = _("Gouvernance")

    def ready(self):
        from extranet.groups import meeting_holders

        # A body's meeting is moved and cancelled here, never on the groups' pages.
        meeting_holders.register("body_meeting")
