"""The directory in the Wagtail admin: associations (searchable, filterable, exportable),
the log of RNA imports, and the reference tables, grouped under one menu.

Coordinators add and change associations but do not delete them (unpublish instead), and
only view the communes (official geographic code) and the import log (see
portal/editorial.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from directory.models import Association, Commune, RnaImport, Sector


class AssociationViewSet(SnippetViewSet):
    model = Association
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
            FieldRowPanel([FieldPanel("created_on"), FieldPanel("dissolved_on")]),
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


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (AssociationViewSet, RnaImportViewSet, CommuneViewSet, SectorViewSet)
    menu_icon = "group"
    menu_label = _("Annuaire")
    menu_order = 300


register_snippet(DirectoryViewSetGroup)
