"""The public face of the impact reports: the page « Observatoire de l'utilité sociale ».

Its figures come from validated reports only (extranet/impact/figures.py); an association is
named with its figures and story only when it agreed in its report. Under the page's address,
the open data: `donnees.csv`, `donnees.json` and `schema.json` (extranet/impact/opendata.py).
The page is translated like the others (wagtail-localize).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.search import index

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
