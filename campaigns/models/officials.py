"""The elected officials a campaign addresses (a snippet), found by the postcodes they answer
for."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.search import index

POSTCODE = RegexValidator(r"^\d{5}$", _("Un code postal a cinq chiffres."))
POSTCODES_RE = re.compile(r"^\d{5}$")
POSTCODE_SEPARATORS_RE = re.compile(r"[\s,;]+")


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
