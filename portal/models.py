"""What every app shares: site settings, navigation menus and the base of all page types."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, PreviewableMixin, TranslatableMixin
from wagtail.search import index

from portal.blocks import LinkBlock, localize_links

SOCIAL_NETWORKS = [
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("peertube", "PeerTube"),
    ("youtube", "YouTube"),
]


class SocialLinkValue(blocks.StructValue):
    def network_name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Réseau"))
    url = blocks.URLBlock(label=_("Adresse du compte"))

    class Meta:
        icon = "site"
        label = _("Réseau social")
        value_class = SocialLinkValue


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(
        _("nom du site"),
        max_length=120,
        default="Collectif des associations",
        help_text=_("Affiché dans l'en-tête, les onglets du navigateur et les partages."),
    )
    tagline = models.CharField(
        _("accroche"),
        max_length=200,
        blank=True,
        help_text=_("Une phrase sous le nom du site, par exemple ce que fait le collectif."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image carrée ou horizontale, sur fond transparent de préférence."),
    )
    contact_email = models.EmailField(
        _("courriel de contact"), blank=True, help_text=_("Adresse publique du collectif.")
    )
    contact_phone = models.CharField(
        _("téléphone"), max_length=30, blank=True, help_text=_("Par exemple 01 60 00 00 00.")
    )
    postal_address = models.TextField(
        _("adresse postale"), blank=True, help_text=_("Affichée en pied de page.")
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        verbose_name=_("réseaux sociaux"),
        help_text=_("Les comptes du collectif, dans l'ordre d'affichage."),
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Liée depuis le pied de chaque page, comme la loi l'exige."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Comment le collectif traite les données personnelles (RGPD)."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de déclaration d'accessibilité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Déclaration de conformité au RGAA, liée depuis le pied de page."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page pour adhérer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La page où une association demande à rejoindre le collectif : un bouton "
                    "« Adhérer » y mène depuis l'en-tête et le pied de chaque page."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("site_name"), FieldPanel("tagline"), FieldPanel("logo")],
            heading=_("Identité"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Pages obligatoires"),
        ),
        FieldPanel("join_page"),
    ]

    class Meta:
        verbose_name = _("réglages du site")
        verbose_name_plural = _("réglages du site")


class Menu(TranslatableMixin, PreviewableMixin, models.Model):
    """A navigation menu editors build from the admin: the main menu and the footer one.

    Each language has its own version (translated with wagtail-localize); links to pages
    follow the reader into their language at display time.
    """

    class Location(models.TextChoices):
        MAIN = "main", _("Menu principal")
        FOOTER = "footer", _("Pied de page")

    location = models.CharField(
        _("emplacement"),
        max_length=20,
        choices=Location.choices,
        help_text=_("Où le menu s'affiche. Un seul menu par emplacement et par langue."),
    )
    items = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("liens"),
        help_text=_("Les liens du menu, dans l'ordre d'affichage. Sept au plus pour le menu "
                    "principal, pour rester lisible."),
    )

    panels = [FieldPanel("location"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("menu de navigation")
        verbose_name_plural = _("menus de navigation")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "locale"], name="portal_menu_one_per_location_and_locale"
            ),
        ]

    def __str__(self):
        return str(self.get_location_display())

    def clean(self):
        super().clean()
        if self.location == self.Location.MAIN and len(self.items or []) > 7:
            raise ValidationError({"items": _("Le menu principal garde sept liens au plus.")})
        # The form has no locale field, so Django does not check the constraint itself.
        others = Menu.objects.filter(location=self.location, locale_id=self.locale_id)
        if self.locale_id and others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"location": _("Cette langue a déjà un menu à cet emplacement : modifiez-le.")}
            )

    def get_preview_template(self, request, mode_name):
        return "portal/menu_preview.html"


class BasePage(Page):
    """What every page type of the portal shares: a sharing image and search on the intro."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée quand la page est partagée sur les réseaux sociaux "
                    "(1200 × 630 pixels idéalement)."),
    )
    introduction = models.TextField(
        _("chapô"),
        blank=True,
        help_text=_("Deux ou trois phrases qui résument la page, en tête de page et dans "
                    "les résultats de recherche."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def get_meta_description(self):
        return self.search_description or self.introduction

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        body = getattr(self, "body", None)
        if body:
            localize_links(body)
        return context


class UsedPersonalDataLink(models.Model):
    """A link of the page /donnees-personnelles/ that was used (portal/data_requests.py): its
    fingerprint only, never the address, so that each link works once. Deleted by
    `purge_personal_data` once the link would have expired anyway."""

    digest = models.CharField(
        _("empreinte du lien"), max_length=64, unique=True, editable=False,
        help_text=_("Empreinte SHA-256 du lien : le lien lui-même n'est pas gardé."),
    )
    used_at = models.DateTimeField(_("utilisé le"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("lien de données personnelles utilisé")
        verbose_name_plural = _("liens de données personnelles utilisés")

    def __str__(self):
        return self.digest[:12]
