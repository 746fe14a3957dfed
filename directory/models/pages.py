"""The directory's pages: the public directory (its routes hand off to directory/page_views.py),
the observatory of the department's associations and the list of the collective's members."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

# Modules, not names: they import these models in turn, whichever is imported first.
from directory import forms, observatory, observatory_display, page_views
from directory import members as member_list
from directory.models.associations import Association
from portal.blocks import BaseStreamBlock
from portal.i18n import page_in_language
from portal.models import BasePage


class DirectoryPage(RoutablePageMixin, BasePage):
    """The public directory: search, filters, pages of results, and one page per association
    at a clean address (`/annuaire/<slug>/`)."""

    RESULTS_PER_PAGE = 20
    # Above this many associations placed on the map, it shows one point per commune.
    MAP_MAX_POINTS = 500
    MAP_MAX_AGE = 300  # seconds browsers and proxies may keep the map data

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("annuaire des associations")
        verbose_name_plural = _("annuaires des associations")

    def associations(self):
        return Association.objects.published()

    @classmethod
    def of_language(cls, locale_id):
        """The live public directory in the language `locale_id`, else in any language (the
        oldest first), or None: the one way to find where associations' pages are (one
        query)."""
        pages = list(cls.objects.live().public().order_by("pk"))
        same_language = [page for page in pages if page.locale_id == locale_id]
        return (same_language or pages or [None])[0]

    @classmethod
    def links(cls, associations, locale_id, request=None):
        """[(association, address of its page in the directory of that language, or None)]
        (one query, whatever the number of associations)."""
        associations = list(associations)
        directory = cls.of_language(locale_id) if associations else None
        base = directory.get_url(request) if directory else None
        return [(association, association.page_url(base)) for association in associations]

    @path("")
    def directory(self, request):
        return page_views.directory_list(self, request)

    # Before the association's page, whose address would otherwise take "carte/".
    @path("carte/", name="map_data")
    def map_data(self, request):
        """The associations of the list, filtered like the page, as GeoJSON for its map."""
        return page_views.map_data(self, request)

    @path("<slug:slug>/")
    def association(self, request, slug):
        return page_views.association_page(self, request, slug)

    @path("donnees/csv/", name="export_csv")
    def export_csv(self, request):
        return page_views.export(self, request, "csv")

    @path("donnees/json/", name="export_json")
    def export_json(self, request):
        return page_views.export(self, request, "json")

    @path("donnees/schema/", name="export_schema")
    def export_schema(self, request):
        return page_views.export_schema(self)


class ObservatoryPage(BasePage):
    """The observatory of the department's associations: counts by sector, by commune (also
    per 1,000 inhabitants), creations and dissolutions per year, members of the collective
    against all. Charts are SVG drawn on the server, each beside a table of the same figures;
    the figures are cached and counted again after each import (see directory/observatory.py).
    """

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("observatoire des associations")
        verbose_name_plural = _("observatoires des associations")

    def directory_page(self):
        """The live directory in the page's language, else in any language (one query)."""
        return DirectoryPage.of_language(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        directory = self.directory_page()
        directory_url = directory.get_url(request) if directory else None
        figures = observatory.figures()
        context.update(observatory_display.observatory_context(figures, directory_url))
        if directory_url:
            context["open_data"] = {
                kind: directory_url + directory.reverse_subpage(f"export_{kind}")
                for kind in ("csv", "json")
            }
        return context


class MembersPage(BasePage):
    """The public list of the collective's member associations: logo, name (linking to their
    page in the directory), sectors and commune, by name, filtered by sector in the address
    (`?sector=006000`), sixty to a page."""

    MEMBERS_PER_PAGE = 60

    body = StreamField(
        BaseStreamBlock(), blank=True,
        verbose_name=_("contenu"),
        help_text=_("Facultatif : ce que veut dire être membre, affiché sous la liste."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page pour adhérer"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La page où une association demande à rejoindre le collectif : un bouton "
                    "y mène, dans la langue du lecteur. Sans page choisie, pas de bouton."),
    )

    content_panels = [
        *BasePage.content_panels, FieldPanel("introduction"), FieldPanel("join_page"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per language: each home page has one

    class Meta:
        verbose_name = _("liste des associations membres")
        verbose_name_plural = _("listes des associations membres")

    def directory_page(self):
        """The live directory in the page's language, else in any language (one query)."""
        return DirectoryPage.of_language(self.locale_id)

    def join_link(self):
        """The join page in the reader's language (live), or None."""
        if self.join_page_id is None:
            return None
        page = self.join_page
        if not page.live:
            return None
        return page_in_language(page, translation.get_language())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = member_list.public_members()
        form = forms.MembersFilterForm(request.GET, members=members)
        results = (
            form.filter(members).select_related("commune", "logo").prefetch_related("sectors")
        )
        paginator = Paginator(results, self.MEMBERS_PER_PAGE)
        page_of_members = paginator.get_page(form.page_number())
        context.update({
            "form": form,
            "members": DirectoryPage.links(page_of_members, self.locale_id, request),
            "page_of_members": page_of_members,
            "paginator": paginator,
            "query_string": form.query_string(),
            "filtered": bool(form.query_string()),
            "join_page": self.join_link(),
        })
        return context
