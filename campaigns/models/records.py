"""What a campaign's petition records: the signatures (never deleted while they count) and the
letters the platform sends to elected officials on a signer's behalf."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models.officials import ElectedOfficial
from campaigns.models.pages import CampaignPage
from directory.models import Association


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
