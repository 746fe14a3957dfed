"""The directory in the Wagtail admin: associations (searchable, filterable, exportable),
the log of RNA imports, and the reference tables, grouped under one menu.

Coordinators add and change associations but do not delete them (unpublish instead), and
only view the communes (official geographic code) and the import log (see
portal/editorial.py)."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    SnippetViewSetGroup,
)

from directory import moderation
from directory.models import Association, AssociationChangeRequest, Commune, RnaImport, Sector
from directory.moderation_views import ReviewView, proposed_logo
from portal.admin_exports import FrenchSpreadsheetExportMixin
from portal.admin_privacy import SnippetViewSet
from portal.pending_panels import register_pending_items
from portal.permission_policies import KeptRecordsPolicy

# Proposals are the record of who asked what and who decided: never deleted, and never
# added or edited through the generic screens (directory.moderation does it).
register_permission_policy(
    AssociationChangeRequest,
    KeptRecordsPolicy(AssociationChangeRequest, {"add", "change", "delete"}),
)


class AssociationIndexView(FrenchSpreadsheetExportMixin, IndexView):
    """The list and its export, as the other exports of the admin (portal.admin_exports)."""


class AssociationViewSet(SnippetViewSet):
    model = Association
    index_view_class = AssociationIndexView
    icon = "group"
    menu_label = _("Associations")
    list_display = ["name", "rna_id", "commune", "is_member", "published", "dissolved_on"]
    list_filter = ["published", "is_member", "source", "sectors", "grouping"]
    list_export = ["name", "short_name", "rna_id", "siret", "commune", "postcode", "email",
                   "phone", "website", "is_member", "published", "created_on", "dissolved_on"]
    export_filename = "associations"
    search_fields = ["name", "short_name", "rna_id", "siret", "postcode"]
    search_backend_name = None  # plain database search: instant on imported volumes
    list_per_page = 50
    ordering = ["name"]
    inspect_view_enabled = True
    copy_view_enabled = False

    edit_handler = TabbedInterface([
        ObjectList([
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("short_name"), FieldPanel("grouping")]),
            FieldRowPanel([FieldPanel("rna_id"), FieldPanel("siret")]),
            FieldRowPanel([FieldPanel("created_on"), FieldPanel("dissolved_on"),
                           FieldPanel("dissolved_on_estimated")]),
            FieldPanel("published"),
        ], heading=_("Identité")),
        ObjectList([
            FieldPanel("description"),
            FieldPanel("description_en"),
            FieldPanel("logo"),
            FieldPanel("sectors"),
            FieldPanel("social_object"),
            FieldPanel("rna_object_codes"),
        ], heading=_("Présentation")),
        ObjectList([
            FieldPanel("address"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")]),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
                heading=_("Position sur la carte"),
            ),
            FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            FieldPanel("website"),
        ], heading=_("Coordonnées")),
    ])

    def get_queryset(self, request):
        return Association.objects.select_related("commune")


class CommuneViewSet(SnippetViewSet):
    model = Commune
    icon = "site"
    menu_label = _("Communes")
    list_display = ["name", "code", "department", "postcodes", "population", "kind"]
    list_filter = ["kind", "department"]
    search_fields = ["name", "code", "postcodes"]
    search_backend_name = None
    list_per_page = 50
    inspect_view_enabled = True
    copy_view_enabled = False


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Secteurs")
    list_display = ["code", "label", "label_en"]
    search_fields = ["code", "label", "label_en"]
    search_backend_name = None
    copy_view_enabled = False


class RnaImportViewSet(SnippetViewSet):
    model = RnaImport
    icon = "download"
    menu_label = _("Imports du RNA")
    list_display = ["file_name", "started_at", "department", "read", "created", "updated",
                    "skipped"]
    inspect_view_enabled = True
    inspect_view_fields = ["file_name", "started_at", "finished_at", "encoding", "department",
                           "dry_run", "read", "created", "updated", "unchanged", "filtered",
                           "skipped", "report"]
    copy_view_enabled = False


class ChangeRequestEditView(EditView):
    """A proposed change is decided on the review screen, never edited as a form."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(
            "wagtailsnippets_directory_associationchangerequest:review", pk=kwargs["pk"]
        )


class ChangeRequestCreateView(CreateView):
    """Associations propose changes from the extranet; nothing is proposed from here."""

    def dispatch(self, request, *args, **kwargs):
        return redirect("wagtailsnippets_directory_associationchangerequest:list")


class ChangeRequestViewSet(SnippetViewSet):
    """Changes proposed by associations: listed here, reviewed on their own screen (the
    generic edit form is not used: a decision goes through directory.moderation)."""

    model = AssociationChangeRequest
    icon = "edit"
    menu_label = _("Modifications proposées")
    list_display = ["association", "status", "submitted_by", "submitted_at", "reviewed_by"]
    list_filter = ["status"]
    search_fields = ["association__name"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["status", "-submitted_at"]
    edit_view_class = ChangeRequestEditView
    add_view_class = ChangeRequestCreateView

    def get_queryset(self, request):
        return AssociationChangeRequest.objects.select_related(
            "association", "submitted_by", "reviewed_by"
        )

    @property
    def review_view(self):
        return ReviewView.as_view(index_url_name=self.get_url_name("list"),
                                  logo_url_name=self.get_url_name("logo"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<id:pk>/", self.review_view, name="review"),
            path("logo/<id:pk>/", proposed_logo, name="logo"),
        ]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (AssociationViewSet, ChangeRequestViewSet, RnaImportViewSet, CommuneViewSet,
             SectorViewSet)
    menu_icon = "group"
    menu_label = _("Annuaire")
    menu_order = 300


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_log_actions")
def register_moderation_actions(actions):
    actions.register_action(moderation.SUBMITTED, _("Modification proposée par l'association"),
                            _("Modification proposée par l'association"))
    actions.register_action(moderation.APPROVED, _("Modification proposée acceptée"),
                            _("Modification proposée acceptée"))
    actions.register_action(moderation.REJECTED, _("Modification proposée refusée"),
                            _("Modification proposée refusée"))
    actions.register_action(moderation.WITHDRAWN, _("Modification proposée retirée"),
                            _("Modification proposée retirée par l'association"))


def pending_changes(user):
    """How many proposed changes wait, for those who decide."""
    return moderation.can_review(user) and AssociationChangeRequest.objects.filter(
        status=AssociationChangeRequest.Status.PENDING
    ).count()


# On the admin's home page (portal/pending_panels.py).
register_pending_items(
    name="directory_pending_changes", order=90, title=_("Fiches d'associations à relire"),
    count=pending_changes,
    message=lambda count: ngettext(
        "Une modification proposée par une association attend votre relecture.",
        "%(counter)s modifications proposées par des associations attendent votre relecture.",
        count,
    ) % {"counter": count},
    link_text=_("Les relire"),
    url=lambda: reverse("wagtailsnippets_directory_associationchangerequest:list")
    + "?status=pending",
)
