from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JoiningConfig(AppConfig):
    name = "joining"
    verbose_name = _("Adhésions au collectif")

    def ready(self):
        from extranet.accounts.signals import memberships_changed
        from extranet.governance import handover as coordination_handover
        from extranet.governance.signals import decision_published
        from joining import handover, leaving, member_associations, personal_data
        from joining.models import JoinRequest, JoinRequestStep
        from portal import personal_data as registry

        # What the join requests hold on representatives (manage.py export/erase_personal_data).
        registry.register(
            "joining", label=_("Demandes d'adhésion au collectif"),
            export=personal_data.export, erase=personal_data.erase,
            retention=personal_data.RETENTION,
        )
        registry.register_models(JoinRequest, JoinRequestStep)
        # Who is a member of the collective also depends on who acts for an association.
        memberships_changed.connect(member_associations.memberships_changed,
                                    dispatch_uid="joining_refresh_member_associations")
        # An adopted exclusion (a decision of the plenary assembly) ends the adhesion.
        decision_published.connect(leaving.exclusion_decided,
                                   dispatch_uid="joining_exclusion_decided")
        # The requests waiting for an answer, in the coordination's handover list.
        coordination_handover.register("join_requests", _("Demandes d'adhésion en attente"),
                                       handover.pending_join_requests, order=40)
        # What the public pages show of it: they are made again when it changes.
        from joining.models import CollectiveMembership
        from portal import page_cache

        page_cache.invalidate_on_change(CollectiveMembership)
