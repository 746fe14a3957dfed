"""The reference data the directory files associations under: the sectors (families of the
RNA's nomenclature of social objects) and the communes of the official geographic code, both
loaded from directory/data (directory/referential.py)."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from directory.validators import validate_position

INSEE_CODE = RegexValidator(r"^(\d[\dAB]\d{3})$", _("Un code INSEE compte cinq caractères."))


class Sector(models.Model):
    """A family of the RNA nomenclature of social objects (loaded from directory/data)."""

    code = models.CharField(
        _("code"), max_length=6, unique=True,
        help_text=_("Code de la famille dans la nomenclature du RNA, par exemple 006000."),
    )
    label = models.CharField(_("libellé"), max_length=200, help_text=_("Libellé officiel."))
    label_en = models.CharField(
        _("libellé en anglais"), max_length=200, blank=True,
        help_text=_("Affiché aux lecteurs de la version anglaise."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("secteur")
        verbose_name_plural = _("secteurs")

    def __str__(self):
        return self.display_label

    @property
    def display_label(self):
        if translation.get_language() == "en" and self.label_en:
            return self.label_en
        return self.label

    @staticmethod
    def family_code(rna_object_code):
        """The family of an RNA social object code: 006105 belongs to 006000."""
        code = (rna_object_code or "").strip()
        if len(code) != 6 or not code.isdigit() or code == "000000":
            return None
        return code[:3] + "000"


class Commune(models.Model):
    """A commune of the official geographic code (loaded from directory/data)."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        ARRONDISSEMENT = "arrondissement", _("Arrondissement municipal")
        DELEGATED = "delegated", _("Commune déléguée")
        ASSOCIATED = "associated", _("Commune associée")

    code = models.CharField(
        _("code INSEE"), max_length=5, unique=True, validators=[INSEE_CODE],
        help_text=_("Code officiel géographique de la commune (pas le code postal)."),
    )
    name = models.CharField(_("nom"), max_length=150, help_text=_("Nom officiel."))
    kind = models.CharField(
        _("nature"), max_length=20, choices=Kind.choices, default=Kind.COMMUNE,
        help_text=_("Les communes déléguées et associées renvoient à leur commune actuelle."),
    )
    department = models.CharField(
        _("département"), max_length=3, db_index=True, help_text=_("Par exemple 77.")
    )
    postcodes = models.CharField(
        _("codes postaux"), max_length=200, blank=True,
        help_text=_("Séparés par des espaces."),
    )
    population = models.PositiveIntegerField(
        _("population"), null=True, blank=True,
        help_text=_("Population municipale légale (INSEE)."),
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("commune actuelle"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="former_communes",
        help_text=_("Pour une commune déléguée, associée ou un arrondissement."),
    )
    latitude = models.DecimalField(
        _("latitude du centre"), max_digits=8, decimal_places=6, null=True, blank=True,
        help_text=_("Centre de la commune (WGS 84), chargé par la commande "
                    "load_commune_centres ; place sur la carte les associations sans "
                    "position propre."),
    )
    longitude = models.DecimalField(
        _("longitude du centre"), max_digits=9, decimal_places=6, null=True, blank=True,
        help_text=_("Centre de la commune (WGS 84), par exemple 2.6553 pour Melun."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self):
        return f"{self.name} ({self.department})"

    def clean(self):
        super().clean()
        validate_position(self.latitude, self.longitude)
