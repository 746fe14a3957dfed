"""The directory's search and filters: every result list has a shareable URL."""

import io
import string

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from PIL import ImageOps

from directory.models.associations import Association
from directory.models.change_requests import AssociationChangeRequest
from directory.models.imports import RnaImport
from directory.models.reference import Commune, Sector
from directory.search import normalize as search_words
from directory.search import search
from directory.signals import cache_version

LETTERS = list(string.ascii_uppercase)


def data_version():
    """Part of the key of what the directory caches: it changes when an association is saved
    and when an import runs (bulk writes send no signal, so the import's number is in it)."""
    last_import = RnaImport.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    return f"{cache_version()}:{last_import}"


def communes_with_associations(version):
    """The communes that have published associations (cached until the data changes)."""
    key = f"directory:communes:{version}"
    communes = cache.get(key)
    if communes is None:
        communes = list(
            Commune.objects.filter(pk__in=Association.objects.published().values("commune_id"))
            .order_by("name")
            .values_list("code", "name")
        )
        cache.set(key, communes, 60 * 60)
    return communes


class DirectoryFilterForm(forms.Form):
    STATUS_ACTIVE, STATUS_DISSOLVED, STATUS_ALL = "active", "dissolved", "all"

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200,
                        help_text=_("Nom, sigle ou activité ; les accents sont facultatifs."))
    sector = forms.ChoiceField(label=_("Secteur"), required=False)
    commune = forms.ChoiceField(label=_("Commune"), required=False)
    member = forms.BooleanField(label=_("Membres du collectif seulement"), required=False)
    status = forms.ChoiceField(
        label=_("Situation"), required=False,
        choices=[(STATUS_ACTIVE, _("En activité")), (STATUS_DISSOLVED, _("Dissoutes")),
                 (STATUS_ALL, _("Toutes"))],
    )
    letter = forms.ChoiceField(
        label=_("Initiale"), required=False,
        choices=[("", ""), *((letter, letter) for letter in LETTERS), ("0", "0-9")],
    )
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sectors = list(Sector.objects.all())
        # Filter on the through table's sector id: no join to the sector table, and the
        # planner then knows how many associations the sector holds.
        self.sector_ids = {sector.code: sector.pk for sector in sectors}
        self.fields["sector"].choices = [
            ("", _("Tous les secteurs")),
            *((sector.code, sector.display_label) for sector in sectors),
        ]
        self.data_version = data_version()
        self.fields["commune"].choices = [
            ("", _("Toutes les communes")), *communes_with_associations(self.data_version)
        ]

    def filter(self, queryset):
        """Apply the valid filters to `queryset`; an invalid one is ignored, not an error."""
        self.is_valid()  # keeps the valid fields in cleaned_data, drops the others
        data = self.cleaned_data
        status = data.get("status") or self.STATUS_ACTIVE
        if status == self.STATUS_ACTIVE:
            queryset = queryset.active()
        elif status == self.STATUS_DISSOLVED:
            queryset = queryset.filter(dissolved_on__isnull=False)
        if data.get("sector"):
            queryset = queryset.filter(sectors=self.sector_ids[data["sector"]])
        if data.get("commune"):
            queryset = queryset.filter(commune__code=data["commune"])
        if data.get("member"):
            queryset = queryset.members()
        if data.get("letter"):
            queryset = queryset.filter(initial=data["letter"])
        if data.get("sector") and not search_words(data.get("q", "")):
            # Sorted on an expression, not on the name index: walking the names in order
            # and skipping those of other sectors reads most of the table when a sector's
            # names are late in the alphabet; reading the sector's rows first then sorting
            # them is bounded by the sector's size (index on the sector, migration 0015).
            queryset = queryset.order_by(Concat("name", Value("")), "pk")
        return search(queryset, data.get("q", ""))

    def query(self):
        """The valid filters as query parameters (for links that keep them): what the form
        did not accept is not copied into every link of the page."""
        data = self.cleaned_data
        query = {}
        for name in ("q", "sector", "commune", "status", "letter"):
            if data.get(name):
                query[name] = data[name]
        if data.get("member"):
            query["member"] = "on"
        return query

    def count_cache_key(self):
        """Where the number of results is cached for a browse without words (a few dozen
        combinations of filters, counted once until the data changes); None for a search."""
        data = self.cleaned_data
        if search_words(data.get("q", "")) or not settings.CACHE_SHARED_BY_PROCESSES:
            return None  # (a cache per worker would keep another worker's old count)
        filters = [f"{name}={data.get(name) or ''}"
                   for name in ("sector", "commune", "member", "status", "letter")]
        return f"directory:count:{self.data_version}:{'&'.join(filters)}"


def https_by_default(model_field, **kwargs):
    """Form fields of a model, where a web address typed without a scheme means https://."""
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class AssociationChangeForm(forms.ModelForm):
    """What a representative may change on their association's public record (extranet).
    The proposal waits for an editor (directory.moderation); the logo is checked here: a real
    JPEG, PNG or WebP image (by its content, not its name), 2 MB and 4,000 pixels a side at
    most."""

    LOGO_FORMATS = {"JPEG", "PNG", "WEBP"}
    LOGO_MAX_SIDE = 4000

    class Meta:
        model = AssociationChangeRequest
        fields = [*AssociationChangeRequest.FIELDS, "logo"]
        formfield_callback = https_by_default
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or not hasattr(logo, "image"):  # nothing new uploaded
            return logo
        if logo.size > AssociationChangeRequest.LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("Le logo pèse plus de %(size)s Mo : réduisez-le avant de l'envoyer.")
                % {"size": AssociationChangeRequest.LOGO_MAX_BYTES // (1024 * 1024)},
                code="logo_too_large",
            )
        extension = logo.name.rsplit(".", 1)[-1].lower() if "." in logo.name else ""
        image = logo.image  # opened and verified by Django's ImageField (Pillow)
        if image.format not in self.LOGO_FORMATS or extension not in (
            self.Meta.model.LOGO_EXTENSIONS
        ):
            raise forms.ValidationError(
                _("Le logo doit être une image JPEG, PNG ou WebP."), code="logo_format"
            )
        if max(image.size) > self.LOGO_MAX_SIDE:
            raise forms.ValidationError(
                _("Le logo dépasse %(side)s pixels de côté : réduisez-le.")
                % {"side": self.LOGO_MAX_SIDE},
                code="logo_dimensions",
            )
        return reencoded(logo, image.format)


def reencoded(upload, image_format):
    """The uploaded image drawn again by Pillow: what reaches the disk is pixels only, without
    the metadata a photo carries (GPS position, camera, author) or anything hidden after them."""
    upload.seek(0)
    with PillowImage.open(upload) as source:
        image = ImageOps.exif_transpose(source)
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, image_format)
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
    return ContentFile(buffer.getvalue(), name=f"logo.{extension}")


class MembersFilterForm(forms.Form):
    """The members page's filter: one sector (its code), and the page of the list."""

    sector = forms.ChoiceField(label=_("Secteur"), required=False)
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        # The sectors that have at least one member, so that no choice leads to an empty list.
        self.sectors = list(Sector.objects.filter(associations__in=members).distinct())
        self.fields["sector"].choices = [
            ("", _("Tous les secteurs")),
            *((sector.code, sector.display_label) for sector in self.sectors),
        ]

    def cleaned(self, name):
        """A field's value when it is valid, else None (a bad field leaves the others)."""
        self.is_valid()
        return self.cleaned_data.get(name)

    def filter(self, members):
        code = self.cleaned("sector")
        if not code:
            return members
        sector = next(sector for sector in self.sectors if sector.code == code)
        return members.filter(sectors=sector)

    def page_number(self):
        return self.cleaned("page") or 1

    def query_string(self):
        """The filter as a query string, kept by the pagination links ("" without filter)."""
        code = self.cleaned("sector")
        return urlencode({"sector": code}) if code else ""
