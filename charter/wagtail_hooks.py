"""The charter in the Wagtail admin: its versions (read only: written when the page is
published with a changed text) and its signatures (added by hand, never changed nor deleted).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from charter.models import CharterSignature, CharterVersion
from portal.admin_privacy import SnippetViewSet
from portal.permission_policies import KeptRecordsPolicy

register_permission_policy(
    CharterVersion, KeptRecordsPolicy(CharterVersion, {"add", "change", "delete"})
)
register_permission_policy(
    CharterSignature, KeptRecordsPolicy(CharterSignature, {"change", "delete"})
)


class CharterVersionViewSet(SnippetViewSet):
    model = CharterVersion
    icon = "history"
    menu_label = _("Versions de la charte")
    list_display = ["__str__", "adopted_on", "decision_number", "adopted_by", "published_at"]
    search_fields = ["decision_number", "adopted_by", "change_summary"]
    search_backend_name = None
    ordering = ["-number"]
    inspect_view_enabled = True
    inspect_view_fields = ["page", "number", "title", "adopted_on", "decision_number",
                           "adopted_by", "decision_url", "change_summary", "published_at",
                           "revision"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return CharterVersion.objects.select_related("page")


class SignatureCreateView(CreateView):
    """Records who added the signature by hand."""

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


class CharterSignatureViewSet(SnippetViewSet):
    model = CharterSignature
    icon = "edit"
    menu_label = _("Signatures de la charte")
    list_display = ["association", "version", "signed_on", "recorded_by"]
    list_filter = ["version"]
    search_fields = ["association__name"]
    search_backend_name = None
    ordering = ["-signed_on", "association__name"]
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False
    add_view_class = SignatureCreateView
    form_fields = ["association", "version", "signed_on"]

    def get_queryset(self, request):
        return CharterSignature.objects.select_related("association", "version", "recorded_by")


class CharterViewSetGroup(SnippetViewSetGroup):
    items = (CharterVersionViewSet, CharterSignatureViewSet)
    menu_icon = "doc-full"
    menu_label = _("Charte")
    menu_order = 310


register_snippet(CharterViewSetGroup)
