"""Campaigns in the Wagtail admin: elected officials, petition signatures and the letters the
site sent, under one menu *Campagnes* (the campaign pages themselves are pages, edited in the
page tree).

An official whom a campaign addresses, or who received letters, is not deleted: editors
uncheck « en mandat », which keeps the campaigns' history. Signatures (see
campaigns/admin_signatures.py) and letters are records: nobody adds or deletes them here, and
letters are only read. A campaign page holding signatures is not deleted either: it is
unpublished."""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSetGroup

from campaigns.admin_signatures import (
    ApproveCommentBulkAction,
    RejectCommentBulkAction,
    SignatureViewSet,
    moderation_queue_url,
    page_listing_signatures_button,
    pending_comments,
    pending_comments_message,
    signature_policy,
    signatures_button,
)
from campaigns.models import CampaignPage, ElectedOfficial, Letter, Signature
from portal.admin_exports import yes_no
from portal.admin_privacy import SnippetViewSet
from portal.page_records import keep_pages_with_records
from portal.pending_panels import register_pending_items
from portal.permission_policies import KeptRecordsPolicy

# Before any viewset is made (they read them): signatures are never added nor deleted here,
# letters are only read.
register_permission_policy(Signature, signature_policy())
register_permission_policy(Letter, KeptRecordsPolicy(Letter, {"add", "change", "delete"}))


class OfficialDeleteView(DeleteView):
    """An official that campaigns address or wrote to stays, out of office."""

    def form_valid(self, form):
        official = self.object
        if official.campaigns.exists() or official.letters.exists():
            return self.refuse()
        try:
            return super().form_valid(form)
        except ProtectedError:
            return self.refuse()

    def refuse(self):
        messages.error(self.request, _(
            "« %(name)s » est visé·e par des campagnes ou a reçu des lettres : décochez « en "
            "mandat » plutôt que de le supprimer, l'historique des campagnes est gardé."
        ) % {"name": self.object.name})
        return redirect(self.index_url_name)


class ElectedOfficialViewSet(SnippetViewSet):
    model = ElectedOfficial
    icon = "user"
    menu_label = gettext_lazy("Élus")
    list_display = ["name", "mandate", "body", "area",
                    Column("active", label=gettext_lazy("En mandat"), sort_key="active",
                           accessor=lambda official: yes_no(official.active))]
    list_filter = ["mandate", "active"]
    search_fields = ["name", "body", "area", "postcodes"]
    search_backend_name = None  # plain database search: a few hundred rows at most
    list_per_page = 50
    ordering = ["name"]
    copy_view_enabled = False
    delete_view_class = OfficialDeleteView


class LetterViewSet(SnippetViewSet):
    """The letters the site sent to officials for signers: a read-only record."""

    model = Letter
    icon = "mail"
    menu_label = gettext_lazy("Lettres envoyées")
    list_display = ["subject", "official", "signature",
                    Column("signature.campaign", label=gettext_lazy("Campagne")), "status",
                    "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "official__name"]
    search_backend_name = None
    list_per_page = 50
    ordering = ["-created_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["signature", "official", "subject", "body", "status", "created_at",
                           "sent_at"]
    add_to_reference_index = False  # records, not content

    def get_queryset(self, request):
        return Letter.objects.select_related("official", "signature__campaign")


class CampaignsViewSetGroup(SnippetViewSetGroup):
    items = (ElectedOfficialViewSet, SignatureViewSet, LetterViewSet)
    menu_icon = "pick"
    menu_label = gettext_lazy("Campagnes")
    menu_order = 240


register_snippet(CampaignsViewSetGroup)


# Signatures (campaigns/admin_signatures.py): moderation of comments, the campaign page's
# link to its signatures, and the comments that wait on the admin's home page.
hooks.register("register_bulk_action", ApproveCommentBulkAction)
hooks.register("register_bulk_action", RejectCommentBulkAction)
hooks.register("register_page_header_buttons", signatures_button)
hooks.register("register_page_listing_more_buttons", page_listing_signatures_button)
register_pending_items(
    name="campaigns_pending_comments", order=95,
    title=gettext_lazy("Commentaires de signataires à modérer"), count=pending_comments,
    message=pending_comments_message, link_text=gettext_lazy("Les modérer"),
    url=moderation_queue_url,
)


# Campaign pages that hold signatures are kept (portal/page_records.py): deleting one (or a
# page above it) would lose the signatures (the database refuses it anyway). Editors
# unpublish them instead.
KEEP_MESSAGE = gettext_lazy(
    "« %(title)s » a des signatures (ou contient une campagne qui en a) : dépubliez-la "
    "plutôt que de la supprimer, les signatures sont gardées."
)

keep_pages_with_records(CampaignPage, Signature.objects, "campaign", KEEP_MESSAGE)
