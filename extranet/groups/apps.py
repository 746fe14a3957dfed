from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "extranet.groups"
    label = "workgroups"
    verbose_name = _("Groupes de travail")

    def ready(self):
        from extranet.groups import personal_data
        from extranet.groups.models import GroupMember, Task
        from portal import personal_data as registry

        registry.register(
            "groups", label=_("Participation aux groupes de travail"),
            export=personal_data.export, erase=personal_data.erase,
            retention=personal_data.RETENTION,
        )

        # Who takes part in a group, who a task is assigned to (portal/personal_data.py).
        registry.register_models(GroupMember, Task)
