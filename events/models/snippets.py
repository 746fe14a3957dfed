"""The snippets of the events: the themes of the network's meetings and the venues where it
meets."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from directory.models import Commune
from directory.validators import validate_position


class Theme(models.Model):
    """A theme of the network's meetings ("Emploi associatif", "Accès aux droits")."""

    name = models.CharField(
        _("nom"), max_length=80, unique=True,
        help_text=_("Par exemple « Emploi associatif » ou « Accès aux droits »."),
    )
    name_en = models.CharField(
        _("nom en anglais"), max_length=80, blank=True,
        help_text=_("Affiché aux lecteurs de la version anglaise."),
    )
    slug = models.SlugField(
        _("identifiant dans l'adresse"), max_length=90, unique=True,
        help_text=_("Utilisé dans l'adresse du filtre et du calendrier du thème."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if translation.get_language() == "en" and self.name_en:
            return self.name_en
        return self.name


class Venue(models.Model):
    """A place where the network meets, with what a visitor needs to get in."""

    name = models.CharField(
        _("nom"), max_length=160, help_text=_("Par exemple « Maison des associations »."),
    )
    street_address = models.CharField(
        _("adresse"), max_length=255, blank=True,
        help_text=_("Numéro et voie, par exemple « 12 rue de la Gare »."),
    )
    postcode = models.CharField(_("code postal"), max_length=5, blank=True,
                                help_text=_("Cinq chiffres."))
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="venues",
        help_text=_("Le filtre par commune de l'agenda s'en sert."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True,
        help_text=_("Pour la carte, par exemple 48.879."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        help_text=_("Par exemple 2.591."),
    )
    capacity = models.PositiveIntegerField(
        _("capacité"), null=True, blank=True,
        help_text=_("Nombre de personnes que la salle accueille ; la jauge d'un événement "
                    "ne peut pas la dépasser."),
    )
    wheelchair_accessible = models.BooleanField(
        _("accessible en fauteuil roulant"), default=False,
        help_text=_("Entrée, salle et toilettes accessibles aux personnes à mobilité réduite."),
    )
    hearing_loop = models.BooleanField(
        _("boucle magnétique"), default=False,
        help_text=_("Une boucle à induction pour les personnes appareillées."),
    )
    access_notes = models.TextField(
        _("accès"), blank=True,
        help_text=_("Transports, stationnement, étage, code de la porte…"),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel([
            FieldPanel("street_address"),
            FieldRowPanel([FieldPanel("postcode"), FieldPanel("commune")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ], heading=_("Adresse")),
        FieldPanel("capacity"),
        MultiFieldPanel([
            FieldPanel("wheelchair_accessible"), FieldPanel("hearing_loop"),
            FieldPanel("access_notes"),
        ], heading=_("Accessibilité et accès")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("lieu")
        verbose_name_plural = _("lieux")

    def __str__(self):
        return f"{self.name} ({self.commune.name})" if self.commune_id else self.name

    def clean(self):
        super().clean()
        validate_position(self.latitude, self.longitude)

    @property
    def address_lines(self):
        town = " ".join(part for part in [self.postcode, self.commune.name if self.commune
                                           else ""] if part)
        return [line for line in [self.name, self.street_address, town] if line]

    @property
    def has_position(self):
        return self.latitude is not None and self.longitude is not None
