"""The public face of the impact reports: the page « Observatoire de l'utilité sociale ».

Its figures come from validated reports only (extranet/impact/figures.py); an association is
named with its figures and story only when it agreed in its report. Under the page's address,
the open data: `donnees/csv/`, `donnees/json/` and `donnees/schema/` (extranet/impact/opendata.py;
Wagtail's page addresses take no dot, so no `donnees.csv`), and the stories' photos.
The page is translated like the others (wagtail-localize).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

# Modules, not names: they import the models in turn, whichever is imported first.
from extranet.impact import figures, observatory_display, page_views
from portal.blocks import BaseStreamBlock
from portal.models import BasePage


class SocialUtilityPage(RoutablePageMixin, BasePage):
    """« Observatoire de l'utilité sociale »: what the member associations bring, year by
    year and sector by sector, from their validated impact reports."""

    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("méthode et sources"),
        help_text=_("Affiché sous les chiffres : comment ils sont recueillis et calculés, "
                    "leurs limites."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction", help_text=_(
            "Deux ou trois phrases en tête de page. Les chiffres viennent des rapports "
            "d'impact validés par la coordination ; ils ne se tapent pas ici.")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("observatoire de l'utilité sociale")
        verbose_name_plural = _("observatoires de l'utilité sociale")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.get_url(request)

        def photo_url(report_id):
            return base + self.reverse_subpage("photo", args=(report_id,))

        context.update(observatory_display.observatory_context(
            figures.figures(), request.GET.get("annee"), photo_url))
        context["open_data"] = {
            kind: base + self.reverse_subpage(kind) for kind in ("csv", "json", "schema")
        }
        return context

    @path("donnees/csv/", name="csv")
    def data_csv(self, request):
        return page_views.open_data(self, "csv")

    @path("donnees/json/", name="json")
    def data_json(self, request):
        return page_views.open_data(self, "json")

    @path("donnees/schema/", name="schema")
    def data_schema(self, request):
        return page_views.schema(self)

    @path("recits/<int:report_id>/photo/", name="photo")
    def photo(self, request, report_id):
        return page_views.photo(report_id)
