"""Advocacy campaigns: the campaigns' index and pages, their dated updates, the elected
officials they address, the petition's signatures and the letters the platform sends.

A campaign's signatures belong to its page in the default language (French): its English
translation shows the same counter and takes signatures for it (see `source_campaign`).

Signatures are never deleted while they count: an unconfirmed one (the signer never clicked
the emailed link) is purged after CAMPAIGN_UNCONFIRMED_RETENTION_DAYS, and erasing somebody's
data (`erase_personal_data`) empties what identifies them but keeps the row, so the counts
stay right.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
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

from directory.models import Association
from events.models import Theme
from portal.blocks import BaseStreamBlock
from portal.i18n import source_page
from portal.models import BasePage

POSTCODE = RegexValidator(r"^\d{5}$", _("Un code postal a cinq chiffres."))
POSTCODES_RE = re.compile(r"^\d{5}$")
POSTCODE_SEPARATORS_RE = re.compile(r"[\s,;]+")

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


class Mandate(models.TextChoices):
    MAYOR = "mayor", _("maire")
    MUNICIPAL = "municipal", _("conseiller·e municipal·e")
    INTERCOMMUNAL = "intercommunal", _("élu·e de l'intercommunalité")
    DEPARTMENTAL = "departmental", _("conseiller·e départemental·e")
    REGIONAL = "regional", _("conseiller·e régional·e")
    DEPUTY = "deputy", _("député·e")
    SENATOR = "senator", _("sénateur·rice")
    OTHER = "other", _("autre mandat")


def split_postcodes(value):
    """The codes of a list typed by an editor: separated by spaces, commas or semicolons."""
    return [code for code in POSTCODE_SEPARATORS_RE.split(value) if code]


def validate_postcodes(value):
    bad = [code for code in split_postcodes(value) if not POSTCODES_RE.match(code)]
    if bad:
        raise ValidationError(
            _("Ces codes postaux n'ont pas cinq chiffres : %(codes)s."),
            params={"codes": ", ".join(bad[:10])}, code="postcodes",
        )


class ElectedOfficialQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def for_postcode(self, postcode):
        """The active officials whose area holds `postcode`, or who cover the whole
        department (no postcode given)."""
        postcode = (postcode or "").strip()
        if not POSTCODES_RE.match(postcode):
            return self.none()
        officials = self.active().filter(
            Q(postcodes="") | Q(postcodes__contains=postcode)
        )
        # `contains` is a first sieve; the exact word decides.
        return [official for official in officials
                if not official.postcodes or postcode in official.postcodes.split()]


class ElectedOfficial(models.Model):
    """An elected official whom campaigns address (a snippet, kept up to date by editors)."""

    name = models.CharField(_("nom"), max_length=150,
                            help_text=_("Prénom et nom, par exemple « Claire Dumas »."))
    mandate = models.CharField(
        _("mandat"), max_length=20, choices=Mandate.choices,
        help_text=_("Le mandat au titre duquel la campagne s'adresse à cette personne."),
    )
    body = models.CharField(
        _("assemblée"), max_length=200,
        help_text=_("Par exemple « Conseil départemental de Seine-et-Marne » ou « Mairie de "
                    "Meaux »."),
    )
    area = models.CharField(
        _("commune ou canton"), max_length=150, blank=True,
        help_text=_("Le territoire de l'élu·e : « Meaux », « Canton de Coulommiers », "
                    "« 6e circonscription »."),
    )
    postcodes = models.CharField(
        _("codes postaux couverts"), max_length=2000, blank=True,
        validators=[validate_postcodes],
        help_text=_("Séparés par des espaces : les signataires de ces codes postaux se voient "
                    "proposer cet·te élu·e. Vide : tout le département."),
    )
    email = models.EmailField(
        _("adresse électronique publique"), blank=True,
        help_text=_("Celle que l'élu·e publie pour être contacté·e ; la lettre y est envoyée."),
    )
    contact_url = models.URLField(
        _("formulaire de contact"), blank=True,
        help_text=_("La page de contact publique, s'il n'y a pas d'adresse électronique."),
    )
    phone = models.CharField(_("téléphone public"), max_length=30, blank=True,
                             help_text=_("Le numéro de la permanence, s'il est public."))
    party = models.CharField(_("parti ou groupe"), max_length=150, blank=True,
                             help_text=_("Facultatif."))
    active = models.BooleanField(
        _("en mandat"), default=True,
        help_text=_("Décochez à la fin du mandat : l'élu·e n'est plus proposé·e aux "
                    "signataires mais reste dans l'historique des campagnes."),
    )

    objects = ElectedOfficialQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("party")]),
        FieldRowPanel([FieldPanel("mandate"), FieldPanel("body")]),
        FieldPanel("area"),
        FieldPanel("postcodes"),
        MultiFieldPanel([
            FieldPanel("email"), FieldPanel("contact_url"), FieldPanel("phone"),
        ], heading=_("Contact public")),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("name"), index.SearchField("body"), index.SearchField("area"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("élu·e")
        verbose_name_plural = _("élu·es")

    def __str__(self):
        return f"{self.name} ({self.get_mandate_display()}, {self.body})"

    def clean(self):
        super().clean()
        self.postcodes = " ".join(split_postcodes(self.postcodes))
        if not (self.email or self.contact_url or self.phone):
            raise ValidationError(_("Indiquez au moins un contact public : adresse "
                                    "électronique, formulaire ou téléphone."))


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


class CommentStatus(models.TextChoices):
    NONE = "", _("pas de commentaire")
    PENDING = "pending", _("à modérer")
    APPROVED = "approved", _("publié")
    REJECTED = "rejected", _("refusé")


class SignatureQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def shown(self):
        """Confirmed signatures whose signers agreed to be listed (and were not erased)."""
        return self.confirmed().filter(show_publicly=True, erased_at__isnull=True)

    def of_email(self, email):
        return self.filter(email__iexact=email.strip())


class Signature(models.Model):
    """One person's signature of a campaign's petition. It counts once confirmed (the signer
    clicked the emailed link); one per email address and campaign."""

    campaign = models.ForeignKey(
        CampaignPage, verbose_name=_("campagne"), on_delete=models.PROTECT,
        related_name="signatures", help_text=_("La pétition signée."),
    )
    first_name = models.CharField(_("prénom"), max_length=100, blank=True,
                                  help_text=_("Vide une fois les données effacées."))
    last_name = models.CharField(_("nom"), max_length=100, blank=True,
                                 help_text=_("Vide une fois les données effacées."))
    email = models.EmailField(_("adresse électronique"), blank=True,
                              help_text=_("Vide une fois les données effacées."))
    postcode = models.CharField(_("code postal"), max_length=5, blank=True,
                                help_text=_("Cinq chiffres."))
    association = models.ForeignKey(
        Association, verbose_name=_("association (annuaire)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="signatures",
        help_text=_("L'association du signataire, choisie dans l'annuaire."),
    )
    association_name = models.CharField(
        _("association (saisie)"), max_length=255, blank=True,
        help_text=_("L'association du signataire, telle qu'il l'a écrite."),
    )
    comment = models.TextField(_("commentaire"), max_length=1000, blank=True,
                               help_text=_("Publié seulement une fois modéré."))
    comment_status = models.CharField(
        _("modération du commentaire"), max_length=10, choices=CommentStatus.choices,
        blank=True, default=CommentStatus.NONE,
        help_text=_("Un commentaire n'est montré qu'une fois publié par l'équipe."),
    )
    show_publicly = models.BooleanField(
        _("accepte d'être nommé·e"), default=False,
        help_text=_("Le signataire accepte de paraître dans la liste publique."),
    )
    consent_text = models.TextField(
        _("consentement donné"), editable=False,
        help_text=_("Le texte exact que le signataire a accepté."),
    )
    language = models.CharField(_("langue"), max_length=5, default="fr", editable=False,
                                help_text=_("Celle des courriels envoyés au signataire."))
    created_at = models.DateTimeField(_("signée le"), default=timezone.now, editable=False,
                                      db_index=True)
    confirmation_sent_at = models.DateTimeField(
        _("lien demandé le"), null=True, blank=True, editable=False,
        help_text=_("Quand le dernier lien de confirmation a été demandé : à la signature, "
                    "ou en signant de nouveau une fois le précédent expiré."),
    )
    confirmation_emailed_at = models.DateTimeField(
        _("lien parti le"), null=True, blank=True, editable=False,
        help_text=_("Quand le courriel portant ce lien est parti ; vide tant qu'il attend "
                    "son envoi."),
    )
    confirmed_at = models.DateTimeField(_("confirmée le"), null=True, blank=True,
                                        editable=False)
    erased_at = models.DateTimeField(
        _("données effacées le"), null=True, blank=True, editable=False,
        help_text=_("La signature compte encore, anonyme."),
    )

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "campaign", name="one_signature_per_email_and_campaign",
                condition=~Q(email=""),
                violation_error_message=_("Cette adresse a déjà signé cette pétition."),
            ),
            models.CheckConstraint(
                condition=Q(erased_at__isnull=False) | ~Q(email=""),
                name="signature_has_email_unless_erased",
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "confirmed_at"], name="signature_campaign_conf"),
            # The signatures whose confirmation email waits (campaigns.confirmations): a few
            # rows, whatever the number of signatures.
            models.Index(fields=["confirmation_sent_at"], name="signature_email_waiting",
                         condition=Q(confirmation_emailed_at__isnull=True,
                                     confirmed_at__isnull=True)),
        ]

    def __str__(self):
        if self.erased_at:
            return str(_("Signature anonyme n° %(number)s")) % {"number": self.pk}
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    @property
    def public_name(self):
        """What the public list shows: first name and initial."""
        initial = f" {self.last_name[:1]}." if self.last_name else ""
        return f"{self.first_name}{initial}"

    @property
    def association_label(self):
        if self.association_id and self.association:
            return self.association.name
        return self.association_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()


class LetterStatus(models.TextChoices):
    QUEUED = "queued", _("à envoyer")
    SENT = "sent", _("envoyée")
    FAILED = "failed", _("échec de l'envoi")


class Letter(models.Model):
    """A letter the platform sent to an official for a signer (campaigns whose letters are
    sent by the site). Kept as the record of what was sent; erased with the signer's data."""

    signature = models.ForeignKey(
        Signature, verbose_name=_("signature"), on_delete=models.PROTECT,
        related_name="letters", help_text=_("La signature confirmée de l'expéditeur."),
    )
    official = models.ForeignKey(
        ElectedOfficial, verbose_name=_("élu·e"), on_delete=models.PROTECT,
        related_name="letters", help_text=_("Le destinataire."),
    )
    subject = models.CharField(_("objet"), max_length=200, help_text=_("Tel qu'envoyé."))
    body = models.TextField(_("texte"), max_length=10000, help_text=_("Tel qu'envoyé."))
    status = models.CharField(_("état"), max_length=10, choices=LetterStatus.choices,
                              default=LetterStatus.QUEUED, editable=False)
    created_at = models.DateTimeField(_("écrite le"), default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lettre envoyée")
        verbose_name_plural = _("lettres envoyées")
        constraints = [
            models.UniqueConstraint(fields=["signature", "official"],
                                    name="one_letter_per_signature_and_official"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.official.name}"

