"""Associations, their sectors and communes: the one record of each association.

`Association` is what the whole platform points at (membership, votes, impact reports, mutual
aid): one row per association, whatever the language. Its French texts have an English
version in `*_en` fields rather than a translated copy of the row, so that nothing ever has
to choose between two records of the same association.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from directory import association_sections
from directory.search import name_initial, search_document
from directory.storage import PrivateFileStorage, proposed_logo_path
from directory.validators import validate_position, validate_rna_id, validate_siret
from portal.blocks import BaseStreamBlock
from portal.models import BasePage

INSEE_CODE = RegexValidator(r"^(\d[\dAB]\d{3})$", _("Un code INSEE compte cinq caractères."))
# Addresses under the directory page that are not associations' pages.
RESERVED_SLUGS = {"carte", "donnees"}
POSTCODE = RegexValidator(r"^\d{5}$", _("Un code postal compte cinq chiffres."))


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
        _("nouveau logo"), upload_to=proposed_logo_path, storage=PrivateFileStorage(),
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


class RnaImport(models.Model):
    """One run of `manage.py import_rna`: what it read and what it changed, for the record.
    A log: nothing in it is edited by hand."""

    started_at = models.DateTimeField(_("début"), default=timezone.now, editable=False)
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True, editable=False)
    file_name = models.CharField(_("fichier"), max_length=255, editable=False)
    encoding = models.CharField(_("encodage"), max_length=20, blank=True, editable=False)
    department = models.CharField(_("département"), max_length=3, blank=True, editable=False)
    dry_run = models.BooleanField(_("essai à blanc"), default=False, editable=False)
    read = models.PositiveIntegerField(_("lues"), default=0, editable=False)
    created = models.PositiveIntegerField(_("créées"), default=0, editable=False)
    updated = models.PositiveIntegerField(_("mises à jour"), default=0, editable=False)
    unchanged = models.PositiveIntegerField(_("inchangées"), default=0, editable=False)
    filtered = models.PositiveIntegerField(_("hors département"), default=0, editable=False)
    skipped = models.PositiveIntegerField(_("écartées"), default=0, editable=False)
    report = models.TextField(_("rapport"), blank=True, editable=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import du RNA")
        verbose_name_plural = _("imports du RNA")

    def __str__(self):
        return f"{self.file_name} ({self.started_at:%d/%m/%Y %H:%M})"


class CachedCountPaginator(Paginator):
    """A paginator whose count is kept in the cache under `count_key` (when given): counting
    tens of thousands of rows is the dearest part of a browse of the directory."""

    COUNT_TIMEOUT = 60 * 60

    def __init__(self, *args, count_key=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_key = count_key

    @cached_property
    def count(self):
        if self.count_key is None:
            return super().count
        from django.core.cache import cache

        return cache.get_or_set(self.count_key, lambda: Paginator.count.func(self),
                                self.COUNT_TIMEOUT)


class DirectoryPage(RoutablePageMixin, BasePage):
    """The public directory: search, filters, pages of results, and one page per association
    at a clean address (`/annuaire/<slug>/`)."""

    RESULTS_PER_PAGE = 20
    # Above this many associations placed on the map, it shows one point per commune.
    MAP_MAX_POINTS = 500
    MAP_MAX_AGE = 300  # seconds browsers and proxies may keep the map data

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("annuaire des associations")
        verbose_name_plural = _("annuaires des associations")

    def associations(self):
        return Association.objects.published()

    @classmethod
    def of_language(cls, locale_id):
        """The live public directory in the language `locale_id`, else in any language (the
        oldest first), or None: the one way to find where associations' pages are (one
        query)."""
        pages = list(cls.objects.live().public().order_by("pk"))
        same_language = [page for page in pages if page.locale_id == locale_id]
        return (same_language or pages or [None])[0]

    @classmethod
    def links(cls, associations, locale_id, request=None):
        """[(association, address of its page in the directory of that language, or None)]
        (one query, whatever the number of associations)."""
        associations = list(associations)
        directory = cls.of_language(locale_id) if associations else None
        base = directory.get_url(request) if directory else None
        return [(association, association.page_url(base)) for association in associations]

    @path("")
    def directory(self, request):
        from directory.forms import DirectoryFilterForm

        form = DirectoryFilterForm(request.GET)
        results = (
            form.filter(self.associations())
            .select_related("commune")
            .prefetch_related("sectors")
        )
        paginator = CachedCountPaginator(results, self.RESULTS_PER_PAGE,
                                         count_key=form.count_cache_key())
        try:
            page_of_results = paginator.page(form.cleaned_data.get("page") or 1)
        except EmptyPage:
            page_of_results = paginator.page(paginator.num_pages)
        query = form.query()
        return self.render(
            request,
            context_overrides={
                "form": form,
                "results": page_of_results,
                "paginator": paginator,
                "query_string": urlencode(query),
                "filtered": bool(query),
                "map_tiles": settings.DIRECTORY_MAP_TILES,
            },
        )

    # Before the association's page, whose address would otherwise take "carte/".
    @path("carte/", name="map_data")
    def map_data(self, request):
        """The associations of the list, filtered like the page, as GeoJSON for its map."""
        from directory.forms import DirectoryFilterForm
        from directory.map import map_data

        form = DirectoryFilterForm(request.GET)
        associations = form.filter(self.associations())
        base = self.get_url(request)
        query = {key: value for key, value in form.query().items() if key != "commune"}

        def url_of_slug(slug):
            return f"{base}{slug}/"

        def url_of_commune(code):
            return f"{base}?{urlencode({**query, 'commune': code})}"

        response = JsonResponse(
            map_data(associations, url_of_slug, url_of_commune, self.MAP_MAX_POINTS),
            content_type="application/geo+json",
            json_dumps_params={"ensure_ascii": False, "separators": (",", ":")},
        )
        patch_cache_control(response, public=True, max_age=self.MAP_MAX_AGE)
        return response

    @path("<slug:slug>/")
    def association(self, request, slug):
        association = get_object_or_404(
            self.associations().select_related("commune", "logo").prefetch_related("sectors"),
            slug=slug,
        )
        return self.render(
            request,
            template="directory/association_page.html",
            context_overrides={
                "association": association,
                # What other apps show there (their events, campaigns): association_sections.
                "sections": association_sections.shown(association, self.locale),
            },
        )

    @path("donnees/csv/", name="export_csv")
    def export_csv(self, request):
        return self.export(request, "csv")

    @path("donnees/json/", name="export_json")
    def export_json(self, request):
        return self.export(request, "json")

    @path("donnees/schema/", name="export_schema")
    def export_schema(self, request):
        from directory import opendata

        return JsonResponse(
            opendata.json_schema(self.full_url + self.reverse_subpage("export_schema")),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )

    def export(self, request, kind):
        """The published associations (filtered like the page) as CSV or JSON, streamed."""
        from directory import opendata
        from directory.forms import DirectoryFilterForm

        associations = DirectoryFilterForm(request.GET).filter(self.associations())
        base = self.full_url

        def url_of(association):
            return association.page_url(base)

        if kind == "csv":
            response = StreamingHttpResponse(
                opendata.csv_chunks(associations, url_of), content_type="text/csv; charset=utf-8"
            )
        else:
            schema_url = self.full_url + self.reverse_subpage("export_schema")
            response = StreamingHttpResponse(
                opendata.json_chunks(associations, url_of, schema_url),
                content_type="application/json; charset=utf-8",
            )
        response["Content-Disposition"] = f'inline; filename="associations.{kind}"'
        response["Access-Control-Allow-Origin"] = "*"
        return response


class ObservatoryPage(BasePage):
    """The observatory of the department's associations: counts by sector, by commune (also
    per 1,000 inhabitants), creations and dissolutions per year, members of the collective
    against all. Charts are SVG drawn on the server, each beside a table of the same figures;
    the figures are cached and counted again after each import (see directory/observatory.py).
    """

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("observatoire des associations")
        verbose_name_plural = _("observatoires des associations")

    def directory_page(self):
        """The live directory in the page's language, else in any language (one query)."""
        return DirectoryPage.of_language(self.locale_id)

    def get_context(self, request, *args, **kwargs):
        from directory import observatory
        from directory.observatory_display import observatory_context

        context = super().get_context(request, *args, **kwargs)
        directory = self.directory_page()
        directory_url = directory.get_url(request) if directory else None
        context.update(observatory_context(observatory.figures(), directory_url))
        if directory_url:
            context["open_data"] = {
                kind: directory_url + directory.reverse_subpage(f"export_{kind}")
                for kind in ("csv", "json")
            }
        return context


class MembersPage(BasePage):
    """The public list of the collective's member associations: logo, name (linking to their
    page in the directory), sectors and commune, by name, filtered by sector in the address
    (`?sector=006000`), sixty to a page."""

    MEMBERS_PER_PAGE = 60

    body = StreamField(
        BaseStreamBlock(), blank=True,
        verbose_name=_("contenu"),
        help_text=_("Facultatif : ce que veut dire être membre, affiché sous la liste."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page pour adhérer"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La page où une association demande à rejoindre le collectif : un bouton "
                    "y mène, dans la langue du lecteur. Sans page choisie, pas de bouton."),
    )

    content_panels = [
        *BasePage.content_panels, FieldPanel("introduction"), FieldPanel("join_page"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per language: each home page has one

    class Meta:
        verbose_name = _("liste des associations membres")
        verbose_name_plural = _("listes des associations membres")

    def directory_page(self):
        """The live directory in the page's language, else in any language (one query)."""
        return DirectoryPage.of_language(self.locale_id)

    def join_link(self):
        """The join page in the reader's language (live), or None."""
        from portal.i18n import page_in_language

        if self.join_page_id is None:
            return None
        page = self.join_page
        if not page.live:
            return None
        return page_in_language(page, translation.get_language())

    def get_context(self, request, *args, **kwargs):
        from directory.forms import MembersFilterForm
        from directory.members import public_members

        context = super().get_context(request, *args, **kwargs)
        members = public_members()
        form = MembersFilterForm(request.GET, members=members)
        results = (
            form.filter(members).select_related("commune", "logo").prefetch_related("sectors")
        )
        paginator = Paginator(results, self.MEMBERS_PER_PAGE)
        page_of_members = paginator.get_page(form.page_number())
        context.update({
            "form": form,
            "members": DirectoryPage.links(page_of_members, self.locale_id, request),
            "page_of_members": page_of_members,
            "paginator": paginator,
            "query_string": form.query_string(),
            "filtered": bool(form.query_string()),
            "join_page": self.join_link(),
        })
        return context
