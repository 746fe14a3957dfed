"""Working groups, their tasks and meetings in the Wagtail admin, under "Extranet" (the menu
group is extranet/accounts/wagtail_hooks.py's, which lists these viewsets).

Only superusers see them for now (no editor group has the groups' permissions); members
work on the extranet's own pages. Nothing here is deleted, not even by a superuser: groups
are archived, tasks cancelled, meetings cancelled from the extranet; people leave a group.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView

from extranet.groups.forms import member_associations
from extranet.groups.models import GroupMember, Meeting, Task, WorkingGroup
from portal.admin_columns import person_column
from portal.admin_privacy import SnippetViewSet
from portal.permission_policies import KeptRecordsPolicy

for model in (WorkingGroup, GroupMember, Task, Meeting):
    register_permission_policy(model, KeptRecordsPolicy(model, {"delete"}))


class LeadByMemberForm(WagtailAdminModelForm):
    """Only a member association leads a group."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_association"].queryset = member_associations(
            self.instance.lead_association_id
        )


class TaskAdminForm(WagtailAdminModelForm):
    """Only a member association takes a task on (Task.clean() checks the person in
    charge)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_association"].queryset = member_associations(
            self.instance.responsible_association_id
        )


class CreatedByCreateView(CreateView):
    """Records who made the task or the meeting."""

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class WorkingGroupViewSet(SnippetViewSet):
    model = WorkingGroup
    icon = "group"
    menu_label = _("Groupes de travail")
    list_display = ["name", "lead_association", "archived_on"]
    list_filter = ["archived_on"]
    search_fields = ["name", "description"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList([
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("lead_association"), FieldPanel("archived_on")]),
    ], base_form_class=LeadByMemberForm)

    def get_queryset(self, request):
        return WorkingGroup.objects.select_related("lead_association")


class GroupMemberViewSet(SnippetViewSet):
    model = GroupMember
    icon = "user"
    menu_label = _("Participant·es des groupes")
    list_display = [person_column(GroupMember, "person"), "group", "joined_on", "left_on"]
    list_filter = ["group", "left_on"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return GroupMember.objects.select_related("person", "group")


class TaskViewSet(SnippetViewSet):
    model = Task
    icon = "tasks"
    menu_label = _("Tâches des groupes")
    add_view_class = CreatedByCreateView
    list_display = ["title", "group", "responsible_association",
                    person_column(Task, "assignee"), "due_on",
                    "status"]
    list_filter = ["status", "group"]
    search_fields = ["title", "description"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList([
        FieldPanel("group"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("responsible_association"), FieldPanel("assignee")]),
        FieldRowPanel([FieldPanel("due_on"), FieldPanel("status")]),
    ], base_form_class=TaskAdminForm)

    def get_queryset(self, request):
        return Task.objects.select_related("group", "responsible_association", "assignee")


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Réunions")
    add_view_class = CreatedByCreateView
    list_display = ["title", "group", "starts_at", "place", "cancelled_at"]
    list_filter = ["group", "starts_at"]
    search_fields = ["title", "place"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("group"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldPanel("online_url"),
        FieldPanel("agenda"),
    ]

    def get_queryset(self, request):
        return Meeting.objects.of_groups().select_related("group")


GROUP_VIEWSETS = (WorkingGroupViewSet, GroupMemberViewSet, TaskViewSet, MeetingViewSet)
