"""Changes to an association's record proposed from the extranet, waiting for moderation."""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.associations import POSTCODE, Association
from directory.storage import proposed_logo_path
from directory.validators import validate_position
from portal.storage import private_storage


def validate_logo_size(file):
    if file and file.size > AssociationChangeRequest.LOGO_MAX_BYTES:
        raise ValidationError(
            _("Le logo pèse plus de %(size)s Mo : réduisez-le avant de l'envoyer.")
            % {"size": AssociationChangeRequest.LOGO_MAX_BYTES // (1024 * 1024)},
            code="logo_too_large",
        )


class AssociationChangeRequest(models.Model):
    """A change of its public record proposed by an association from the extranet: nothing
    goes public before an editor accepts it (directory/moderation.py). The request keeps the
    values it proposed and those the record had then, so that accepting it changes only what
    the association changed, and it stays as the record of who asked, who decided and when."""

    # What an association may change on its own record.
    FIELDS = ["description", "description_en", "website", "email", "phone", "address",
              "postcode", "latitude", "longitude"]
    LOGO_MAX_BYTES = 2 * 1024 * 1024
    LOGO_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

    class Status(models.TextChoices):
        PENDING = "pending", _("en attente de relecture")
        APPROVED = "approved", _("acceptée et publiée")
        REJECTED = "rejected", _("refusée")
        WITHDRAWN = "withdrawn", _("retirée par l'association")

    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="change_requests", help_text=_("La fiche à modifier."),
    )
    status = models.CharField(
        _("état"), max_length=10, choices=Status.choices, default=Status.PENDING,
        db_index=True, help_text=_("Une demande en attente ne change rien à la fiche publique."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposée par"), null=True,
        on_delete=models.SET_NULL, related_name="association_change_requests",
        help_text=_("La personne qui a proposé la modification pour l'association."),
    )
    submitted_at = models.DateTimeField(
        _("proposée le"), default=timezone.now,
        help_text=_("Date du dernier envoi de la proposition."),
    )
    description = models.TextField(_("présentation"), blank=True, help_text=_(
        "Présentation écrite par l'association, en quelques paragraphes."))
    description_en = models.TextField(_("présentation en anglais"), blank=True, help_text=_(
        "Traduction de la présentation pour la version anglaise du site (facultative)."))
    website = models.URLField(_("site web"), blank=True, help_text=_(
        "Adresse complète (https://…)."))
    email = models.EmailField(_("courriel public"), blank=True, help_text=_(
        "Affiché sur la fiche publique."))
    phone = models.CharField(_("téléphone public"), max_length=30, blank=True, help_text=_(
        "Affiché sur la fiche publique."))
    address = models.CharField(_("adresse"), max_length=250, blank=True, help_text=_(
        "Numéro, voie et complément, sans la commune."))
    postcode = models.CharField(_("code postal"), max_length=5, blank=True,
                                validators=[POSTCODE], help_text=_("Cinq chiffres."))
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True,
        help_text=_("Pour placer l'association sur la carte, par exemple 48.879."))
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        help_text=_("Par exemple 2.591."))
    logo = models.ImageField(
        _("nouveau logo"), upload_to=proposed_logo_path, storage=private_storage,
        blank=True, validators=[validate_logo_size],
        help_text=_("JPEG, PNG ou WebP, 2 Mo au plus ; laissez vide pour garder le logo actuel."),
    )
    original = models.JSONField(
        _("valeurs de la fiche à l'envoi"), default=dict, blank=True, editable=False,
        help_text=_("Ce que la fiche publique disait quand la proposition a été envoyée."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("relue par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
        help_text=_("La personne de l'équipe éditoriale qui a accepté ou refusé."),
    )
    reviewed_at = models.DateTimeField(_("relue le"), null=True, blank=True, editable=False)
    review_note = models.TextField(
        _("message à l'association"), blank=True,
        help_text=_("Obligatoire pour un refus : ce qu'il faut corriger. Envoyé à l'association."),
    )

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("modification proposée")
        verbose_name_plural = _("modifications proposées")
        constraints = [
            models.UniqueConstraint(
                fields=["association"], condition=models.Q(status="pending"),
                name="directory_one_pending_change_request_per_association",
            ),
        ]

    def __str__(self):
        return _("Modification de « %(association)s » du %(date)s") % {
            "association": self.association, "date": f"{self.submitted_at:%d/%m/%Y}",
        }

    def clean(self):
        super().clean()
        validate_position(self.latitude, self.longitude)

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    def proposed(self):
        return {name: getattr(self, name) for name in self.FIELDS}

    def changes(self):
        """[(field, value on the record when sent, proposed value)] for what the association
        changed; the logo counts when a new one was sent."""
        changed = []
        for name in self.FIELDS:
            before = self.original.get(name, "")
            after = serialize_value(getattr(self, name))
            if before != after:
                changed.append((self._meta.get_field(name), before, after))
        return changed


def serialize_value(value):
    """A field's value as the JSON records of an association keep it, to compare it later:
    the RNA import's `rna_snapshot` and the `original` of a proposed change. Line endings and
    outer spaces are normalised (a browser sends a textarea back with CRLF, which is no edit),
    48.879 and 48.879000 are one position, dates are ISO strings."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value
