"""The home page and the generic content page (the legal notice, the story of the collective…).
The guide for elected officials has its own page type (home/guide.py); the charter has its own
app (charter/)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from campaigns.listing import open_campaigns
from campaigns.models import CampaignIndexPage
from directory.members import members_count
from directory.models import MembersPage
from events.models import events_page, next_events
from home.guide import GuidePage  # noqa: F401
from portal.blocks import BaseStreamBlock
from portal.models import BasePage


class HomePage(BasePage):
    hero_title = models.CharField(
        _("titre d'accueil"),
        max_length=160,
        blank=True,
        help_text=_("La grande phrase en haut de l'accueil. Par défaut, le titre de la page."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image d'accueil"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Grande image en haut de l'accueil (décorative : le texte la remplace)."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("contenu"),
        help_text=_("Les sections de l'accueil, dans l'ordre."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("introduction"), FieldPanel("hero_image")],
            heading=_("En-tête de l'accueil"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_campaigns"] = open_campaigns(self.locale)
        if context["open_campaigns"]:
            context["campaigns_page"] = (CampaignIndexPage.objects.live()
                                         .filter(locale=self.locale_id).first())
        context["upcoming_events"] = next_events(self.locale)
        if context["upcoming_events"]:
            context["events_page"] = events_page(self.locale)
        context.update(self.members_context())
        return context

    def members_context(self):
        """The number of member associations (one COUNT query) and the members page of this
        language, if there is one (one query)."""
        return {
            "members_count": members_count(),
            "members_page": MembersPage.objects.live().filter(locale=self.locale_id)
            .first(),
        }


class StandardPage(BasePage):
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("contenu"),
        help_text=_("Titres, textes, images, chiffres clés, questions fréquentes…"),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context
