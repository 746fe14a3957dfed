"""Petition signatures in the Wagtail admin, for the team that runs the campaigns
(coordinators, see portal/editorial.py): the list, filtered by campaign, confirmation, comment
moderation, consents and date, and searched by name, address, postcode or association; its
CSV/XLSX export (the filtered rows, safe to open in a spreadsheet, erased signers anonymous);
the moderation of comments, one by one (the edit form has only the comment's state and the
listing consent) or several at once (bulk actions "Publier le commentaire" / "Refuser le
commentaire"); the campaign page's link to its signatures; and, on the admin's home page, the
number of comments that wait.

Signatures come from the public form only and are never added nor deleted here, not even by a
superuser: what a signer typed is never changed by the team (their data are erased on
request, which keeps the row anonymous so that counts stay right). Exporting needs the view
permission."""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils.functional import cached_property, classproperty
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.models import Locale
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import IndexView

from campaigns.models import CampaignPage, CommentStatus, Signature
from portal import page_cache
from portal.admin_bulk_actions import ConfirmedBulkAction
from portal.admin_exports import FrenchSpreadsheetExportMixin, choice_label, yes_no
from portal.admin_privacy import SnippetViewSet
from portal.permission_policies import KeptRecordsPolicy

SIGNATURE_POLICY_REFUSED = {"add", "delete"}
# What an erasure empties: never shown nor exported for an erased signature.
ERASED_FIELDS = ("first_name", "last_name", "email", "comment")
LIST_URL_NAME = "wagtailsnippets_campaigns_signature:list"
CHART_URL_NAME = "wagtailsnippets_campaigns_signature:per_day"


def signature_policy():
    return KeptRecordsPolicy(Signature, SIGNATURE_POLICY_REFUSED)


def default_language_campaigns(request):
    """The campaigns of the default language (they hold the signatures), by title."""
    return CampaignPage.objects.filter(locale_id=Locale.get_default().pk).order_by(
        "title"
    ).only("id", "title", "slug")


class SignatureFilterSet(WagtailFilterSet):
    campaign = django_filters.ModelChoiceFilter(label=_("Campagne"),
                                                queryset=default_language_campaigns)
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmée"), field_name="confirmed_at", lookup_expr="isnull", exclude=True,
        widget=BooleanRadioSelect,
    )
    comment_status = django_filters.ChoiceFilter(
        label=_("Commentaire"), widget=forms.RadioSelect, empty_label=_("Tous"),
        choices=[(status.value, status.label) for status in CommentStatus
                 if status != CommentStatus.NONE],
    )
    show_publicly = django_filters.BooleanFilter(label=_("Accepte d'être nommé·e"),
                                                 widget=BooleanRadioSelect)
    created_at = django_filters.DateFromToRangeFilter(label=_("Signée entre le"),
                                                      widget=DateRangePickerWidget)

    class Meta:
        model = Signature
        fields = ["campaign", "confirmed", "comment_status", "show_publicly", "created_at"]


def moderation_queue_url():
    """The list of the comments to moderate: those of confirmed signatures (an unconfirmed
    signature is not shown, its comment neither)."""
    return reverse(LIST_URL_NAME) + "?comment_status=pending&confirmed=true"


def comment_excerpt(signature):
    if signature.erased_at:
        return ""
    return Truncator(signature.comment).chars(80)


class SignatureIndexView(FrenchSpreadsheetExportMixin, IndexView):
    """The list and its export: dates in Paris time, states and consents in words, erased
    signers anonymous, and a link to the counts per day once one campaign is chosen."""

    custom_field_preprocess = {"comment_status": choice_label(CommentStatus)}

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not self.user_has_permission("view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def show_export_buttons(self):
        return super().show_export_buttons and self.user_has_permission("view")

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if item.erased_at:
            for field in ERASED_FIELDS:
                if field in row:
                    row[field] = ""
        return row

    @cached_property
    def chosen_campaign(self):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data.get("campaign")
        return None

    def get_filename(self):
        """`signatures-<campaign's slug>` when the list is filtered by one campaign."""
        name = super().get_filename()
        if self.chosen_campaign is not None:
            name = f"{name}-{self.chosen_campaign.slug}"
        return name

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.user_has_permission("change"):
            buttons.append(HeaderButton(_("Commentaires à modérer"),
                                        url=moderation_queue_url(), icon_name="comment"))
        if self.chosen_campaign is not None and self.user_has_permission("view"):
            buttons.append(HeaderButton(
                _("Signatures par jour"), icon_name="calendar",
                url=reverse(CHART_URL_NAME, args=[self.chosen_campaign.pk]),
            ))
        return buttons


class SignatureModerationForm(WagtailAdminModelForm):
    """Only the comment's state and the listing consent are edited; a state is for a signature
    that has a comment."""

    def clean_comment_status(self):
        status = self.cleaned_data["comment_status"]
        has_comment = bool(self.instance.comment) and not self.instance.erased_at
        if not has_comment and status != CommentStatus.NONE:
            raise ValidationError(_("Cette signature n'a pas de commentaire."))
        if has_comment and status == CommentStatus.NONE:
            raise ValidationError(_("Choisissez : à modérer, publié ou refusé."))
        return status


class SignatureViewSet(SnippetViewSet):
    model = Signature
    icon = "clipboard-list"
    menu_label = _("Signatures")
    menu_name = "campaign-signatures"
    index_view_class = SignatureIndexView
    filterset_class = SignatureFilterSet
    list_display = [
        "__str__", "email", "postcode",
        Column("association_label", label=_("Association")),
        "campaign", "created_at",
        Column("confirmed", label=_("Confirmée"), sort_key="confirmed_at",
               accessor=lambda signature: yes_no(signature.confirmed)),
        "comment_status",
        Column("comment", label=_("Commentaire"), accessor=comment_excerpt),
    ]
    list_export = ["campaign", "first_name", "last_name", "email", "postcode",
                   "association_label", "comment", "comment_status", "show_publicly",
                   "language", "created_at", "confirmed_at", "erased_at"]
    export_headings = {"campaign": _("Campagne"), "association_label": _("Association")}
    export_filename = "signatures"
    search_fields = ["first_name", "last_name", "email", "postcode", "association_name",
                     "association__name"]
    search_backend_name = None  # plain database search
    list_per_page = 100
    ordering = ["-created_at", "-pk"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["campaign", "first_name", "last_name", "email", "postcode",
                           "association", "association_name", "comment", "comment_status",
                           "show_publicly", "consent_text", "language",
                           "created_at", "confirmation_sent_at", "confirmed_at", "erased_at"]
    # Records, not content: no reference index (signing stays one INSERT).
    add_to_reference_index = False
    # The comment's state and the listing consent are edited; what the signer typed is
    # shown as it was typed.
    edit_handler = ObjectList([
        FieldPanel("campaign", read_only=True),
        FieldRowPanel([FieldPanel("first_name", read_only=True),
                       FieldPanel("last_name", read_only=True)]),
        FieldRowPanel([FieldPanel("email", read_only=True),
                       FieldPanel("postcode", read_only=True)]),
        FieldRowPanel([FieldPanel("association", read_only=True),
                       FieldPanel("association_name", read_only=True)]),
        MultiFieldPanel([
            FieldPanel("comment", read_only=True),
            FieldPanel("comment_status"),
        ], heading=_("Commentaire")),
        FieldPanel("show_publicly"),
    ], base_form_class=SignatureModerationForm)

    def get_queryset(self, request):
        return Signature.objects.select_related("campaign", "association")

    @property
    def per_day_view(self):
        from campaigns.admin_chart import SignaturesPerDayView

        return SignaturesPerDayView.as_view(index_url_name=self.get_url_name("list"))

    def get_urlpatterns(self):
        from django.urls import path

        return [
            *super().get_urlpatterns(),
            path("par-jour/<id:page_id>/", self.per_day_view, name="per_day"),
        ]


class CommentBulkAction(ConfirmedBulkAction, SnippetBulkAction):
    """Publish or refuse the comments of the selected signatures, for those who may change
    signatures. Signatures without a comment (or erased) are left as they are; the
    confirmation page (portal/admin_bulk_actions.py) shows each comment."""

    new_status = None
    no_access_text = _("Vous ne pouvez pas modérer les commentaires de ces signatures :")

    @classproperty
    def models(cls):
        return [Signature]

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(Signature.objects.filter(pk__in=object_ids).select_related("campaign"))

    def get_all_objects_in_listing_query(self, parent_id):
        # "All in the listing" does not carry the listing's filters: it means the moderation
        # queue, each comment shown on the confirmation page before anything changes.
        return (Signature.objects.confirmed().filter(comment_status=CommentStatus.PENDING)
                .values_list("pk", flat=True))

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def item_details(self, obj):
        return [obj.campaign.title, obj.get_comment_status_display()]

    def item_quote(self, obj):
        return "" if obj.erased_at else obj.comment

    def item_note(self, obj):
        return _("pas de commentaire : cette signature ne change pas.")

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = Signature.objects.filter(
            pk__in=[obj.pk for obj in objects], erased_at__isnull=True
        ).exclude(comment="").update(comment_status=cls.new_status)
        page_cache.invalidate()  # the public list of signers shows the comments
        return count, 0


class ApproveCommentBulkAction(CommentBulkAction):
    display_name = _("Publier le commentaire")
    action_type = "approve_comment"
    aria_label = _("Publier les commentaires des signatures choisies")
    action_priority = 20
    new_status = CommentStatus.APPROVED
    question = _("Ces commentaires seront publiés sur la page de la campagne :")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d commentaire publié.", "%(count)d commentaires publiés.",
                        num_parent_objects) % {"count": num_parent_objects}


class RejectCommentBulkAction(CommentBulkAction):
    display_name = _("Refuser le commentaire")
    action_type = "reject_comment"
    aria_label = _("Refuser les commentaires des signatures choisies")
    action_priority = 30
    classes = {"serious"}
    new_status = CommentStatus.REJECTED
    question = _("Ces commentaires ne seront pas publiés (les signatures comptent toujours) :")

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d commentaire refusé.", "%(count)d commentaires refusés.",
                        num_parent_objects) % {"count": num_parent_objects}


def signatures_button(page, user, view_name=None, next_url=None):
    """In a campaign page's menus (page listing, page header): its signatures, counted per
    day."""
    if page.specific_class is not CampaignPage:
        return
    if not signature_policy().user_has_permission(user, "view"):
        return
    url = reverse(CHART_URL_NAME, args=[page.pk])
    yield Button(_("Signatures"), url=url, icon_name="clipboard-list", priority=25)


def page_listing_signatures_button(page, user, next_url=None):
    yield from signatures_button(page, user, next_url=next_url)


def pending_comments(user):
    """How many comments of signers wait, for those who moderate (on the admin's home page,
    see campaigns/wagtail_hooks.py)."""
    return signature_policy().user_has_permission(user, "change") and (
        Signature.objects.confirmed().filter(comment_status=CommentStatus.PENDING).count()
    )


def pending_comments_message(count):
    return ngettext(
        "Un commentaire laissé en signant une pétition attend votre modération.",
        "%(counter)s commentaires laissés en signant des pétitions attendent votre "
        "modération.", count,
    ) % {"counter": count}
