from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "extranet.governance"
    label = "governance"
    verbose_name = _("Gouvernance")

    def ready(self):
        from charter import adoptions
        from extranet.accounts.coordination import register_coordinating_source
        from extranet.documents import bodies as document_bodies_registry
        from extranet.governance import (
            coordination,
            document_bodies,
            handover,
            handover_sections,
            personal_data,
        )
        from extranet.governance.adoptions import charter_decisions
        from extranet.governance.models import (
            BodyMeeting,
            Decision,
            Proposal,
            ProposalComment,
            Proxy,
            Vote,
        )
        from extranet.governance.signals import decision_published
        from portal import personal_data as registry

        registry.register(
            "governance", label=_("Propositions, votes et procurations"),
            export=personal_data.export,
        )
        # Who proposed, commented, voted, gave a proxy, kept a meeting (portal/personal_data.py).
        registry.register_models(Proposal, ProposalComment, Vote, Proxy, BodyMeeting)
        # The people of the coordinating associations are coordinators for their term.
        register_coordinating_source(coordination.associations_coordinating_on)
        # An adopted proposal entrusting the coordination starts its term.
        decision_published.connect(coordination.start_term_of_decision, sender=Decision,
                                   dispatch_uid="governance_start_coordination_term")
        # What the outgoing coordination leaves open (the handover list).
        handover.register("tasks", _("Tâches ouvertes des groupes de travail"),
                          handover_sections.open_tasks, order=10)
        handover.register("invitations", _("Invitations en attente"),
                          handover_sections.pending_invitations, order=20)
        handover.register("change_requests", _("Modifications de fiches en attente"),
                          handover_sections.pending_change_requests, order=30)
        handover.register("documents", _("Documents réservés à la coordination"),
                          handover_sections.coordination_documents, order=40)
        handover.register("document_bin", _("Documents dans la corbeille"),
                          handover_sections.binned_documents, order=50)
        # A folder of the shared documents may be for the people of a body.
        document_bodies_registry.register(choices=document_bodies.choices,
                                          ids_for=document_bodies.ids_for)
        # The charter's versions cite the register decision that adopts them.
        adoptions.register(charter_decisions)
        from extranet.groups import meeting_holders

        # A body's meeting is moved and cancelled here, never on the groups' pages.
        meeting_holders.register("body_meeting")
        # What the public pages show of it: they are made again when it changes.
        from extranet.governance.models import Decision
        from portal import page_cache

        page_cache.invalidate_on_change(Decision)
