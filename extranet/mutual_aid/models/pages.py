"""The public face of mutual aid: the page « Entraide entre associations », which lists the
current offers that their associations chose to show (`Post.is_public`), without the name of
any person nor any address: a visitor learns what the network shares, and a member answers
through the extranet. The page is translated like the others (wagtail-localize); the offers
are shown in the language they were written in (French)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

# A module, not names: it imports the models in turn, whichever is imported first.
from extranet.mutual_aid import public_offers
from portal.blocks import BaseStreamBlock
from portal.models import BasePage


class MutualAidPage(BasePage):
    """« Entraide entre associations »: the offers shown to the public."""

    body = StreamField(
        BaseStreamBlock(), blank=True, verbose_name=_("texte sous les offres"),
        help_text=_("Affiché sous les offres : comment l'entraide fonctionne, comment une "
                    "association rejoint le collectif pour y prendre part."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction", help_text=_(
            "Deux ou trois phrases en tête de page. Les offres viennent de l'extranet, "
            "quand leur association a choisi de les montrer ; elles ne se tapent pas ici.")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page de l'entraide")
        verbose_name_plural = _("pages de l'entraide")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(public_offers.offers_context(self, request))
        return context
