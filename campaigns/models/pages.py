"""The campaigns' pages: the campaigns' index and a campaign's page, with its carrying
associations and its dated updates. Their routes hand off to campaigns/listing.py,
campaigns/feeds.py and campaigns/page_views.py."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from campaigns.models.officials import ElectedOfficial
from directory.models import Association
from events.models import Theme
from portal.blocks import BaseStreamBlock
from portal.i18n import source_page
from portal.models import BasePage

DEFAULT_CONSENT_TEXT = _(
    "J'accepte que le collectif enregistre ma signature (nom, adresse électronique, code "
    "postal, association, commentaire) pour la compter, la remettre aux élus visés par la "
    "campagne et me tenir informé·e de ses suites. Je peux demander à tout moment la copie "
    "ou l'effacement de ces données en écrivant au collectif."
)


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("en préparation")
    OPEN = "open", _("ouverte")
    CLOSED = "closed", _("close")
    WON = "won", _("gagnée")
    LOST = "lost", _("perdue")


CURRENT_STATUSES = (CampaignStatus.DRAFT, CampaignStatus.OPEN)
ENDED_STATUSES = (CampaignStatus.CLOSED, CampaignStatus.WON, CampaignStatus.LOST)


class LetterDelivery(models.TextChoices):
    NONE = "", _("pas de lettre aux élus")
    MAILTO = "mailto", _("depuis la messagerie du signataire (lien mailto)")
    PLATFORM = "platform", _("envoyée par le site, après la confirmation de la signature")


class DemandBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("revendication"), max_length=200,
                             help_text=_("En une phrase : « Des conventions pluriannuelles "
                                         "pour toutes les associations »."))
    detail = blocks.TextBlock(label=_("explication"), required=False,
                              help_text=_("Pourquoi, et ce que cela changerait."))

    class Meta:
        icon = "pick"
        label = _("Revendication")


class CampaignIndexPage(RoutablePageMixin, BasePage):
    """The campaigns: current ones first, then past ones; a theme filter and the RSS feed of
    the campaigns' updates (routes in campaigns.listing)."""

    CAMPAIGNS_PER_PAGE = 12

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    subpage_types = ["campaigns.CampaignPage"]
    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("page des campagnes")
        verbose_name_plural = _("pages des campagnes")

    def campaigns(self):
        return CampaignPage.objects.child_of(self).live().public()

    @path("")
    def listing(self, request):
        from campaigns.listing import campaign_index

        return campaign_index(self, request)

    @path("rss/", name="feed")
    def feed(self, request):
        """The campaigns' updates, newest first, as RSS."""
        from campaigns.feeds import CampaignUpdatesFeed

        return CampaignUpdatesFeed(self)(request)


class CampaignPage(RoutablePageMixin, BasePage):
    """A campaign: what it asks and whom, its petition, its updates and its outcome."""

    theme = models.ForeignKey(
        Theme, verbose_name=_("thème"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="campaigns",
        help_text=_("Sert au filtre de la page des campagnes."),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=CampaignStatus.choices,
        default=CampaignStatus.OPEN,
        help_text=_("« Ouverte » : la pétition prend des signatures (jusqu'à l'échéance). "
                    "Gagnée ou perdue : dites l'issue ci-dessous."),
    )
    outcome = RichTextField(
        _("issue de la campagne"), blank=True, features=["bold", "italic", "link"],
        help_text=_("Ce qu'ont répondu les élus, ce qui a été obtenu (obligatoire si la "
                    "campagne est gagnée ou perdue)."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("argumentaire"),
                       help_text=_("Le constat, les chiffres, les témoignages."))
    demands = StreamField(
        [("demand", DemandBlock())], blank=True, verbose_name=_("revendications"),
        help_text=_("Ce que la campagne demande, point par point."),
    )
    officials = ParentalManyToManyField(
        ElectedOfficial, verbose_name=_("élus visés"), blank=True, related_name="campaigns",
        help_text=_("Les élu·es à qui la campagne s'adresse. Les signataires se voient "
                    "proposer ceux de leur code postal."),
    )
    petition_enabled = models.BooleanField(
        _("pétition en ligne"), default=True,
        help_text=_("Les visiteurs signent sur la page ; chaque signature est confirmée par "
                    "un lien envoyé par courriel."),
    )
    goal = models.PositiveIntegerField(
        _("objectif de signatures"), null=True, blank=True,
        help_text=_("Affiché avec une barre de progression. Vide : pas d'objectif."),
    )
    deadline = models.DateTimeField(
        _("échéance"), null=True, blank=True,
        help_text=_("Heure de Paris. La pétition ferme à cette date ; vide : ouverte tant "
                    "que la campagne l'est."),
    )
    consent_text = models.TextField(
        _("traitement des données annoncé"), default=DEFAULT_CONSENT_TEXT,
        help_text=_("Ce que le signataire accepte en cochant la case de consentement (RGPD) : "
                    "quelles données, pour quoi faire, combien de temps."),
    )
    show_signers = models.BooleanField(
        _("liste publique des signataires"), default=True,
        help_text=_("Montre le prénom, l'initiale du nom et l'association des signataires "
                    "qui l'ont accepté."),
    )
    letter_delivery = models.CharField(
        _("lettre aux élus"), max_length=10, choices=LetterDelivery.choices, blank=True,
        default=LetterDelivery.NONE,
        help_text=_("Comment la lettre part : depuis la messagerie du signataire, ou envoyée "
                    "par le site à l'adresse publique des élus."),
    )
    letter_subject = models.CharField(
        _("objet de la lettre"), max_length=200, blank=True,
        help_text=_("Le signataire peut l'adapter."),
    )
    letter_body = models.TextField(
        _("texte de la lettre"), blank=True,
        help_text=_("Le signataire peut l'adapter. {elu} est remplacé par le nom de l'élu·e, "
                    "{signataire} par le nom du signataire."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldRowPanel([FieldPanel("theme"), FieldPanel("status")]),
        FieldPanel("outcome"),
        FieldPanel("demands"),
        FieldPanel("body"),
        InlinePanel("associations", label=_("Associations porteuses")),
        InlinePanel("updates", label=_("Actualités de la campagne")),
    ]
    petition_panels = [
        FieldPanel("petition_enabled"),
        FieldRowPanel([FieldPanel("goal"), FieldPanel("deadline")]),
        FieldPanel("consent_text"),
        FieldPanel("show_signers"),
        MultiFieldPanel([
            FieldPanel("officials"),
            FieldPanel("letter_delivery"),
            FieldPanel("letter_subject"),
            FieldPanel("letter_body"),
        ], heading=_("Élus et lettre")),
    ]
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Contenu")),
        ObjectList(petition_panels, heading=_("Pétition et élus")),
        ObjectList(BasePage.promote_panels, heading=_("Promotion")),
        ObjectList(BasePage.settings_panels, heading=_("Paramètres")),
    ])
    search_fields = [*BasePage.search_fields, index.SearchField("body"),
                     index.SearchField("demands")]

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campagne")
        verbose_name_plural = _("campagnes")

    @path("imprimer/", name="print")
    def printable(self, request):
        from campaigns.page_views import printable

        return printable(self, request)

    @path("signataires/", name="signers")
    def signers(self, request):
        from campaigns.page_views import signers

        return signers(self, request)

    @path("partage.png/", name="share_image")
    def share_image(self, request):
        from campaigns.page_views import share_image

        return share_image(self, request)

    @property
    def generated_share_image(self):
        """The full address of the image drawn for its shares (portal.share_images), for
        the page's Open Graph and Twitter card when no share image was chosen."""
        full_url = self.full_url
        if not full_url:
            return ""
        # Without the slash of Wagtail's routes: home/urls.py sends it to the page.
        return full_url + self.reverse_subpage("share_image").removesuffix("/")

    @path("elus/", name="officials")
    def officials_for_postcode(self, request):
        from campaigns.page_views import officials_for_postcode

        return officials_for_postcode(self, request)

    def get_context(self, request, *args, **kwargs):
        from campaigns.page_views import campaign_context

        context = super().get_context(request, *args, **kwargs)
        context.update(campaign_context(self, request, form=kwargs.get("form")))
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.status in (CampaignStatus.WON, CampaignStatus.LOST) and not self.outcome:
            errors["outcome"] = _("Dites l'issue de la campagne.")
        if self.letter_delivery and not (self.letter_subject and self.letter_body):
            errors["letter_body"] = _("Écrivez l'objet et le texte de la lettre, ou "
                                      "choisissez « pas de lettre aux élus ».")
        if errors:
            raise ValidationError(errors)

    @property
    def is_current(self):
        return self.status in CURRENT_STATUSES

    def petition_is_open(self, now=None):
        """Whether the petition takes signatures now (it may be shown but closed)."""
        now = now or timezone.now()
        return (self.petition_enabled and self.status == CampaignStatus.OPEN
                and (self.deadline is None or now < self.deadline))


def source_campaign(page):
    """The campaign's page in the default language, which holds the signatures."""
    return source_page(page)


class CampaignAssociation(Orderable):
    """An association of the directory that carries the campaign."""

    page = ParentalKey(
        CampaignPage, verbose_name=_("campagne"), on_delete=models.CASCADE,
        related_name="associations", help_text=_("La campagne que l'association porte."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="campaigns",
        help_text=_("Choisie dans l'annuaire ; la campagne paraît sur sa fiche."),
    )

    panels = [FieldPanel("association")]

    class Meta(Orderable.Meta):
        verbose_name = _("association porteuse")
        verbose_name_plural = _("associations porteuses")
        constraints = [
            models.UniqueConstraint(fields=["page", "association"],
                                    name="one_campaign_line_per_association"),
        ]

    def __str__(self):
        return str(self.association)


class CampaignUpdate(Orderable):
    """A dated step of the campaign (its timeline, and the RSS feed)."""

    page = ParentalKey(
        CampaignPage, verbose_name=_("campagne"), on_delete=models.CASCADE,
        related_name="updates", help_text=_("La campagne dont c'est une étape."),
    )
    date = models.DateField(_("date"), default=timezone.localdate,
                            help_text=_("Le jour de l'étape."))
    title = models.CharField(_("titre"), max_length=200,
                             help_text=_("Par exemple « Lettre remise au préfet »."))
    text = RichTextField(_("texte"), blank=True, features=["bold", "italic", "link", "ul"],
                         help_text=_("Ce qui s'est passé, ce qui vient."))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("title")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("actualité de la campagne")
        verbose_name_plural = _("actualités de la campagne")

    def __str__(self):
        return self.title
