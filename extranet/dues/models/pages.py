"""The public face of the solidarity fund: the page « Fonds de solidarité », which publishes
the ledger's yearly summary (what came in, by kind, what went out, to how many associations
and why, the balance at the year's end), computed from the entries
(extranet/dues/fund_summary.py). An aid is shown with its association's name and its
decision only when that decision of the register is public. The page is translated like the
others (wagtail-localize)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

# A module, not names: it imports the models in turn, whichever is imported first.
from extranet.dues import fund_summary
from portal.blocks import BaseStreamBlock
from portal.models import BasePage


class SolidarityFundPage(BasePage):
    """« Fonds de solidarité »: the fund's yearly summary."""

    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("règles du fonds"),
        help_text=_("Affiché sous les comptes : d'où vient l'argent, qui peut demander une "
                    "aide, qui décide."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction", help_text=_(
            "Deux ou trois phrases en tête de page. Les comptes viennent du registre du "
            "fonds ; ils ne se tapent pas ici.")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page du fonds de solidarité")
        verbose_name_plural = _("pages du fonds de solidarité")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        link = fund_summary.decision_links(self.locale_id, request)
        context["years"] = fund_summary.yearly_summary(link)
        context["ledger_lang"] = settings.LANGUAGE_CODE  # labels and titles are French
        return context
