"""Memberships and their history in the Wagtail admin, under "Extranet" (with the news'
categories, extranet/news/wagtail_hooks.py).

For now only superusers see them (no editor group has the accounts' permissions): the
coordinators' own screens come with the invitations. Memberships are saved through
`services.save_membership` (each start, change of role and end leaves a RoleChange); nobody
deletes a membership (end it instead) nor touches the history, not even a superuser.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
)

from extranet.accounts.models import Membership, RoleChange
from extranet.accounts.services import save_membership
from portal.admin_columns import person_column
from portal.admin_privacy import SnippetViewSet
from portal.permission_policies import KeptRecordsPolicy

register_permission_policy(Membership, KeptRecordsPolicy(Membership, {"delete"}))
register_permission_policy(
    RoleChange, KeptRecordsPolicy(RoleChange, {"add", "change", "delete"})
)


class MembershipCreateView(CreateView):
    def save_instance(self):
        return save_membership(self.form.instance, by=self.request.user)


class MembershipEditView(EditView):
    def save_instance(self):
        return save_membership(self.form.instance, by=self.request.user)


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Rattachements")
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    list_display = ["person_name", "association", "role", "starts_on", "ends_on"]
    list_filter = ["role", "ends_on"]
    search_fields = ["person__email", "person__first_name", "person__last_name",
                     "association__name"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("association")]),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("person", "association")


class RoleChangeViewSet(SnippetViewSet):
    model = RoleChange
    icon = "history"
    menu_label = _("Changements de rôle")
    list_display = ["membership", "describe", person_column(RoleChange, "changed_by"),
                    "changed_at"]
    list_filter = ["new_role"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return RoleChange.objects.select_related(
            "membership__person", "membership__association", "changed_by"
        )

