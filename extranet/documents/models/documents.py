"""The library's documents, their versions and their journal.

A document lives in a folder, belongs to an association (its owner) and has one version per
file uploaded: a new version keeps the older ones, each downloadable, with who added it and
when. Deleting a document moves it to the bin (`deleted_at`): the coordinators restore it
for DOCUMENTS_BIN_DAYS days, then `manage.py purge_document_bin` deletes it and its files.
The journal (`DocumentEvent`) keeps who added, changed, downloaded, binned and restored it.
"""

import datetime
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase
from wagtail.search import index

from directory.models import Association
from extranet.documents.models.folders import Folder
from portal.storage import private_storage


def bin_cutoff(now=None):
    """Documents binned before this moment have waited long enough: the purge takes them."""
    return (now or timezone.now()) - datetime.timedelta(days=settings.DOCUMENTS_BIN_DAYS)


class DocumentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(deleted_at__isnull=True)

    def in_bin(self):
        return self.filter(deleted_at__isnull=False)

    def purgeable(self, now=None):
        return self.filter(deleted_at__lt=bin_cutoff(now))


class DocumentTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="tagged_items",
    )

    class Meta:
        verbose_name = _("mot-clé de document")
        verbose_name_plural = _("mots-clés de documents")


class Document(index.Indexed, models.Model):
    folder = models.ForeignKey(
        Folder, verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="documents",
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(
        _("description"), blank=True, max_length=5000,
        help_text=_("De quoi il s'agit, pour qui, ce qui a changé."),
    )
    tags = TaggableManager(
        verbose_name=_("mots-clés"), through=DocumentTag, blank=True,
        related_name="library_documents",
        help_text=_("Séparés par des virgules, par exemple « statuts, assemblée générale »."),
    )
    owner_association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("L'association à qui le document appartient : ses membres le tiennent à "
                    "jour."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("déposé par"), null=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    created_at = models.DateTimeField(_("déposé le"), default=timezone.now, editable=False)
    # Of the current version (the latest), kept here for the lists and their filters.
    updated_at = models.DateTimeField(_("mis à jour le"), default=timezone.now, editable=False)
    extension = models.CharField(_("format"), max_length=10, editable=False)
    # The text inside the current version (PDF, OpenDocument, text), read in the background
    # (extranet/documents/tasks.py) for the search.
    text = models.TextField(_("texte du fichier"), blank=True, editable=False)
    deleted_at = models.DateTimeField(_("mis à la corbeille le"), null=True, blank=True,
                                      editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("mis à la corbeille par"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = DocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("description", boost=2),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.SearchField("text"),
        index.FilterField("folder_id"),
        index.FilterField("owner_association_id"),
        index.FilterField("extension"),
        index.FilterField("updated_at"),
        index.FilterField("deleted_at"),
    ]

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(fields=["folder", "-updated_at"]),
            # The latest documents of the folders one reads (the library's home, the
            # extranet's): read in this order until enough are found, not sorted whole.
            models.Index(fields=["-updated_at", "-id"], name="documents_latest_idx"),
        ]

    def __str__(self):
        return self.title

    @property
    def in_bin(self):
        return self.deleted_at is not None

    def purge_on(self):
        """The day the purge takes it, for a binned document."""
        if self.deleted_at is None:
            return None
        return timezone.localdate(
            self.deleted_at + datetime.timedelta(days=settings.DOCUMENTS_BIN_DAYS))


def version_path(instance, filename):
    """A name nobody can guess; the member's file name is kept in `filename`."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"documents/{uuid.uuid4().hex}.{extension}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    # Set from the checked upload (portal/uploads.py), never typed.
    file = models.FileField(_("fichier"), upload_to=version_path, storage=private_storage,
                            max_length=255, editable=False)
    filename = models.CharField(_("nom du fichier"), max_length=255, editable=False)
    content_type = models.CharField(_("type"), max_length=100, editable=False)
    size = models.PositiveBigIntegerField(_("taille (octets)"), editable=False)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, editable=False)
    note = models.CharField(
        _("ce qui change"), max_length=300, blank=True,
        help_text=_("En quelques mots, pour celles et ceux qui ont lu la version d'avant."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("déposée par"), null=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    uploaded_at = models.DateTimeField(_("déposée le"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["document", "-number"]
        verbose_name = _("version de document")
        verbose_name_plural = _("versions de documents")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"],
                                    name="documents_version_unique_number"),
        ]

    def __str__(self):
        return f"{self.document} (v{self.number})"


class EventKind(models.TextChoices):
    ADDED = "added", _("Déposé")
    NEW_VERSION = "new_version", _("Nouvelle version")
    CHANGED = "changed", _("Fiche modifiée")
    DOWNLOADED = "downloaded", _("Téléchargé")
    BINNED = "binned", _("Mis à la corbeille")
    RESTORED = "restored", _("Restauré")


class DocumentEvent(models.Model):
    """One line of a document's journal, read by the coordinators."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="events",
    )
    version = models.ForeignKey(
        DocumentVersion, verbose_name=_("version"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    kind = models.CharField(_("action"), max_length=20, choices=EventKind.choices)
    # Nobody for a public document downloaded from the portal by a visitor.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("personne"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="document_events",
    )
    at = models.DateTimeField(_("le"), default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("action sur un document")
        verbose_name_plural = _("journal des documents")
        indexes = [models.Index(fields=["document", "-at"])]

    def __str__(self):
        return f"{self.get_kind_display()} : {self.document}"
