"""Associations: the one record of each association.

`Association` is what the whole platform points at (membership, votes, impact reports, mutual
aid): one row per association, whatever the language. Its French texts have an English
version in `*_en` fields rather than a translated copy of the row, so that nothing ever has
to choose between two records of the same association.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.models.reference import Commune, Sector
from directory.search import name_initial, search_document
from directory.validators import validate_position, validate_rna_id, validate_siret

# Addresses under the directory page that are not associations' pages.
RESERVED_SLUGS = {"carte", "donnees"}
POSTCODE = RegexValidator(r"^\d{5}$", _("Un code postal compte cinq chiffres."))


class AssociationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def active(self):
        return self.filter(dissolved_on__isnull=True)

    def members(self):
        """The member associations of the collective: the one query for them. Membership is
        decided by the joining app (`is_member`, kept from its adhesions); a dissolved
        association is no longer one."""
        return self.filter(is_member=True, dissolved_on__isnull=True)


class Association(models.Model):
    """One association (loi 1901), imported from the RNA or made by hand."""

    class Grouping(models.TextChoices):
        SIMPLE = "simple", _("Association simple")
        UNION = "union", _("Union d'associations")
        FEDERATION = "federation", _("Fédération d'associations")

    class Source(models.TextChoices):
        RNA = "rna", _("Import du RNA")
        MANUAL = "manual", _("Saisie à la main")

    # Identity
    name = models.CharField(
        _("nom"), max_length=250, help_text=_("Nom complet, tel que déclaré en préfecture.")
    )
    short_name = models.CharField(
        _("sigle ou nom court"), max_length=80, blank=True,
        help_text=_("Le nom sous lequel on connaît l'association, par exemple « ASSO 77 »."),
    )
    slug = models.SlugField(
        _("adresse de la fiche"), max_length=255, unique=True, blank=True,
        help_text=_("Fin de l'adresse de la fiche publique ; faite à partir du nom si vide."),
    )
    rna_id = models.CharField(
        _("numéro RNA"), max_length=10, blank=True, validators=[validate_rna_id],
        help_text=_("Numéro du Répertoire national des associations : W suivi de neuf chiffres."),
    )
    siret = models.CharField(
        _("SIRET"), max_length=14, blank=True, db_index=True, validators=[validate_siret],
        help_text=_("Quatorze chiffres, s'il y en a un (emploi, subventions)."),
    )
    grouping = models.CharField(
        _("forme"), max_length=20, choices=Grouping.choices, default=Grouping.SIMPLE,
        help_text=_("Association simple, union ou fédération (groupement au RNA)."),
    )
    created_on = models.DateField(
        _("date de création"), null=True, blank=True,
        help_text=_("Date de la déclaration de création en préfecture."),
    )
    dissolved_on = models.DateField(
        _("date de dissolution"), null=True, blank=True, db_index=True,
        help_text=_("Vide tant que l'association est active."),
    )
    dissolved_on_estimated = models.BooleanField(
        _("date de dissolution estimée"), default=False,
        help_text=_("Le RNA dit l'association dissoute sans donner de date : la date est celle "
                    "de la dernière mise à jour du registre, et l'observatoire ne la compte pas "
                    "dans les dissolutions de l'année. Décochez si vous avez saisi la vraie "
                    "date."),
    )

    # What it does
    social_object = models.TextField(
        _("objet social"), blank=True,
        help_text=_("L'objet déclaré dans les statuts (repris du RNA)."),
    )
    rna_object_codes = models.CharField(
        _("codes d'objet social"), max_length=20, blank=True,
        help_text=_("Codes de la nomenclature du RNA, séparés par des espaces."),
    )
    sectors = models.ManyToManyField(
        Sector, verbose_name=_("secteurs"), blank=True, related_name="associations",
        help_text=_("Déduits des codes d'objet social ; modifiables."),
    )
    description = models.TextField(
        _("présentation"), blank=True,
        help_text=_("Présentation écrite par l'association, en quelques paragraphes."),
    )
    description_en = models.TextField(
        _("présentation en anglais"), blank=True,
        help_text=_("Traduction de la présentation pour la version anglaise du site."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("Logo de l'association (texte alternatif : son nom)."),
    )

    # Where and how to reach it
    address = models.CharField(
        _("adresse"), max_length=250, blank=True,
        help_text=_("Numéro, voie et complément, sans la commune."),
    )
    postcode = models.CharField(
        _("code postal"), max_length=5, blank=True, validators=[POSTCODE],
        help_text=_("Cinq chiffres."),
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="associations", help_text=_("Commune du siège."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True,
        help_text=_("Pour placer l'association sur la carte, par exemple 48.879."),
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True,
        help_text=_("Par exemple 2.591."),
    )
    website = models.URLField(_("site web"), blank=True, help_text=_("Adresse complète (https://…)."))
    email = models.EmailField(
        _("courriel public"), blank=True, help_text=_("Affiché sur la fiche publique.")
    )
    phone = models.CharField(
        _("téléphone public"), max_length=30, blank=True, help_text=_("Affiché sur la fiche.")
    )

    # In the collective and on the site
    is_member = models.BooleanField(
        _("membre du collectif"), default=False, editable=False, db_index=True,
        help_text=_("Tenu à jour par les adhésions ; ne se modifie pas à la main."),
    )
    published = models.BooleanField(
        _("publiée"), default=True, db_index=True,
        help_text=_("Décochez pour retirer la fiche de l'annuaire public sans la supprimer."),
    )
    source = models.CharField(
        _("origine"), max_length=10, choices=Source.choices, default=Source.MANUAL,
        editable=False, help_text=_("Import du RNA ou saisie à la main."),
    )
    last_synced_at = models.DateTimeField(
        _("dernière synchronisation"), null=True, blank=True, editable=False,
        help_text=_("Date du dernier import du RNA qui a lu cette association."),
    )
    initial = models.CharField(
        _("initiale"), max_length=1, blank=True, editable=False,
        help_text=_("Première lettre du nom sans accent (« É » donne « E »), « 0 » pour un "
                    "chiffre ou un signe : le filtre par initiale de l'annuaire."),
    )
    search_document = models.TextField(
        _("texte de recherche"), blank=True, editable=False,
        help_text=_("Nom, sigle, objet et présentation sans accents, pour la recherche."),
    )
    rna_snapshot = models.JSONField(
        _("dernières valeurs du RNA"), default=dict, blank=True, editable=False,
        help_text=_("Ce que le dernier import a écrit : un champ modifié depuis à la main "
                    "n'est plus écrasé par les imports suivants."),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        constraints = [
            models.UniqueConstraint(
                fields=["rna_id"], condition=~models.Q(rna_id=""),
                name="directory_association_unique_rna_id",
            ),
            models.CheckConstraint(
                condition=models.Q(dissolved_on__isnull=True)
                | models.Q(created_on__isnull=True)
                | models.Q(dissolved_on__gte=models.F("created_on")),
                name="directory_association_dissolved_after_created",
            ),
        ]
        indexes = [
            models.Index(fields=["name"], name="dir_assoc_name"),
            # The A-Z filter: one letter, then the names in order (a page of 20 reads 20 rows).
            models.Index(fields=["initial", "name"], name="dir_assoc_initial_name"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.make_slug()
        self.search_document = self.make_search_document()
        self.initial = name_initial(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_document", "initial"}
        super().save(*args, **kwargs)

    def make_search_document(self):
        return search_document(
            self.name, self.short_name, self.social_object, self.description
        )

    def clean(self):
        super().clean()
        if self.dissolved_on and self.created_on and self.dissolved_on < self.created_on:
            raise ValidationError(
                {"dissolved_on": _("La dissolution ne peut précéder la création.")}
            )
        validate_position(self.latitude, self.longitude)
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("Cette adresse est réservée par l'annuaire ; choisissez-en une autre.")}
            )

    def make_slug(self):
        base = slugify(self.short_name or self.name)[:200] or "association"
        if base in RESERVED_SLUGS:  # taken by a route of the directory page
            base = f"association-{base}"
        suffix = (self.rna_id or "").lower()
        slug = f"{base}-{suffix}" if suffix else base
        candidate, number = slug, 2
        while Association.objects.filter(slug=candidate).exclude(pk=self.pk).exists():
            candidate = f"{slug}-{number}"
            number += 1
        return candidate

    def page_url(self, directory_url):
        """The address of the association's page under the directory at `directory_url` (a
        DirectoryPage's URL), or None when there is none or the page is not public: the one
        way to build it."""
        if not (directory_url and self.slug and self.published):
            return None
        return f"{directory_url}{self.slug}/"

    @property
    def is_active(self):
        return self.dissolved_on is None

    @property
    def display_description(self):
        if translation.get_language() == "en" and self.description_en:
            return self.description_en
        return self.description
