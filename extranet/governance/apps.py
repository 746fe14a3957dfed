from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "extranet.governance"
    label = "governance"
    verbose_name = _("Gouvernance")

    def ready(self):
        from charter import adoptions
        from extranet.governance import personal_data
        from extranet.governance.adoptions import charter_decisions
        from extranet.governance.models import (
            BodyMeeting,
            Proposal,
            ProposalComment,
            Proxy,
            Vote,
        )
        from portal import personal_data as registry

        registry.register(
            "governance", label=_("Propositions, votes et procurations"),
            export=personal_data.export,
        )
        # Who proposed, commented, voted, gave a proxy, kept a meeting (portal/personal_data.py).
        registry.register_models(Proposal, ProposalComment, Vote, Proxy, BodyMeeting)
        # The charter's versions cite the register decision that adopts them.
        adoptions.register(charter_decisions)
