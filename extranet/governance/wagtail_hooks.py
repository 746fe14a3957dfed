"""The governance in the Wagtail admin, under "Extranet" (the menu group is
extranet/wagtail_hooks.py's, which lists GOVERNANCE_VIEWSETS).

- The decision register, read only: its list (filtered by body, year, public or not) and
  each decision's inspect view. Nobody adds, changes or deletes a decision here, not even a
  superuser: decisions are written by extranet.governance.register when a ballot closes, and a
  correction is a new decision that supersedes the old one (the model, its querysets and, on
  PostgreSQL, the database refuse any change as well).
- The bodies (instances): created and changed here, never deleted (an instance that no longer
  meets is archived, its history stays).

Only superusers see them for now, as the extranet's other screens.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from extranet.governance.models import Body, Decision
from portal.admin_privacy import SnippetViewSet
from portal.permission_policies import KeptRecordsPolicy

register_permission_policy(Decision, KeptRecordsPolicy(Decision, {"add", "change", "delete"}))
register_permission_policy(Body, KeptRecordsPolicy(Body, {"delete"}))


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_the_register(request, action_type, objects, action):
    """No bulk action touches the register (its querysets would refuse anyway)."""
    if getattr(action, "model", None) is Decision:
        raise PermissionDenied


class DecisionViewSet(SnippetViewSet):
    model = Decision
    icon = "list-ol"
    menu_label = _("Registre des décisions")
    list_display = ["number", "title", "body", "decided_on", "outcome", "is_public"]
    list_filter = ["body", "year", "is_public"]
    search_fields = ["number", "title", "text"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "number", "title", "body", "decided_on", "outcome", "text", "is_public",
        "electorate", "counted_present", "votes_for", "votes_against", "abstentions",
        "quorum_met", "ballot", "body_meeting", "supersedes", "published_at", "hash",
    ]

    def get_queryset(self, request):
        return Decision.objects.select_related("body")


class BodyViewSet(SnippetViewSet):
    model = Body
    icon = "group"
    menu_label = _("Instances")
    list_display = ["name", "kind", "quorum_percent", "majority", "archived_on"]
    list_filter = ["kind", "archived_on"]
    search_fields = ["name", "description"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["name", "slug", "kind", "description", "quorum_percent", "majority",
                   "max_proxies_per_holder", "coordination_term_months", "archived_on"]


GOVERNANCE_VIEWSETS = (DecisionViewSet, BodyViewSet)
