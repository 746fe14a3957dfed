"""The public face of the library: the page « Documents du collectif ».

It lists the live documents of the public folders (a public folder at the root, or in other
public folders only: extranet/documents/permissions.public_folder_ids), grouped by folder,
each with its description, format, size, date and a link that downloads it. Under the page's
address, `<id>/telecharger/` serves a document's current version and
`<id>/versions/<number>/telecharger/` one of its versions, to anybody, for a live document of a
public folder only (404 otherwise, the bin included); each download is written in the
document's journal, with nobody for a visitor. The page is translated like the others
(wagtail-localize); the documents' titles and descriptions stay as they were written (French).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from extranet.documents import library, permissions
from extranet.documents.models.documents import Document, DocumentVersion, EventKind
from extranet.documents.models.folders import Folder
from portal.models import BasePage
from portal.uploads import private_download


def folder_label(folder, folders):
    """« Parent › Child », from the public folders by id (a public folder's parents are all
    public)."""
    names, current, seen = [], folder, set()
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        names.append(current.name)
        current = folders.get(current.parent_id)
    return " › ".join(reversed(names))


class PublicDocumentsPage(RoutablePageMixin, BasePage):
    """« Documents du collectif »: the documents of the library's public folders."""

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction", help_text=_(
            "Deux ou trois phrases en tête de page : ce que le public trouve ici. Les documents "
            "listés sont ceux des dossiers publics de la bibliothèque de l'espace membres ; "
            "les coordinateur·rices les y déposent, ils ne s'ajoutent pas ici.")),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page « Documents du collectif »")
        verbose_name_plural = _("pages « Documents du collectif »")

    def clean(self):
        super().clean()
        language = self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE
        if self.slug and not self.downloads_reach_the_page(self.slug, language):
            raise ValidationError({"slug": _(
                "L'adresse « /%(slug)s/ » est déjà celle d'une autre partie du site : les "
                "documents ne s'y téléchargeraient pas. Choisissez-en une autre, par exemple "
                "« documents-du-collectif ».") % {"slug": self.slug}})

    @staticmethod
    def downloads_reach_the_page(slug, language=settings.LANGUAGE_CODE):
        """Whether the page's addresses under the home page of `language` (`/<slug>/`,
        `/<slug>/…/telecharger/`) come to Wagtail's pages, not to another route of the site
        (`/documents/` is Wagtail's documents, `/extranet/` the members' space)."""
        prefix = "" if language == settings.LANGUAGE_CODE else f"/{language}"
        with translation.override(language):
            for address in ("/", "/1/telecharger/", "/1/versions/1/telecharger/"):
                try:
                    if resolve(f"{prefix}/{slug}{address}").url_name != "wagtail_serve":
                        return False
                except Resolver404:
                    return False
        return True

    def public_documents(self, folder_ids=None):
        """The live documents of the public folders, each with its versions (newest
        first) prefetched: three queries whatever their number."""
        if folder_ids is None:
            folder_ids = permissions.public_folder_ids()
        versions = DocumentVersion.objects.order_by("-number").only(
            "pk", "document_id", "number", "filename", "size", "uploaded_at", "note")
        return (Document.objects.live().filter(folder_id__in=folder_ids)
                .defer("text").order_by("title", "pk")
                .prefetch_related(Prefetch("versions", queryset=versions)))

    def download_url(self, document, number=None, request=None):
        """The address that downloads `document` (its version `number`, or the current one)."""
        base = self.get_url(request)
        if base is None:
            return None
        if number is None:
            return base + self.reverse_subpage("download", args=[document.pk])
        return base + self.reverse_subpage("version_download", args=[document.pk, number])

    def grouped(self, request):
        """The public folders that hold documents, in the order of the tree, each with its
        documents and their versions."""
        folder_ids = permissions.public_folder_ids()
        folders = {folder.pk: folder for folder in Folder.objects.filter(pk__in=folder_ids)}
        by_folder = {}
        base = self.get_url(request) or ""
        for document in self.public_documents(folder_ids):
            versions = list(document.versions.all())
            if not versions:
                continue
            document.current = versions[0]
            document.older = versions[1:]
            document.download_url = base + self.reverse_subpage("download", args=[document.pk])
            for version in document.older:
                version.download_url = base + self.reverse_subpage(
                    "version_download", args=[document.pk, version.number])
            by_folder.setdefault(document.folder_id, []).append(document)
        groups = []
        for folder_id, documents in by_folder.items():
            folder = folders[folder_id]
            folder.label = folder_label(folder, folders)
            groups.append({"folder": folder, "documents": documents})
        groups.sort(key=lambda group: group["folder"].label.lower())
        return groups

    @path("")
    def index(self, request):
        groups = self.grouped(request)
        return self.render(request, context_overrides={
            "groups": groups,
            "document_count": sum(len(group["documents"]) for group in groups),
            "documents_lang": settings.LANGUAGE_CODE,
        })

    def public_document(self, document_id):
        document = Document.objects.live().filter(
            pk=document_id, folder_id__in=permissions.public_folder_ids()).first()
        if document is None:
            raise Http404
        return document

    def serve_version(self, request, document, version):
        library.log(document, EventKind.DOWNLOADED, request.user, version)
        return private_download(version.file, version.filename, version.content_type)

    @path("<int:document_id>/telecharger/", name="download")
    def download(self, request, document_id):
        """The current version of a public document."""
        document = self.public_document(document_id)
        version = document.versions.order_by("-number").first()
        if version is None:
            raise Http404
        return self.serve_version(request, document, version)

    @path("<int:document_id>/versions/<int:number>/telecharger/", name="version_download")
    def version_download(self, request, document_id, number):
        """One version (an older one, or the current) of a public document."""
        document = self.public_document(document_id)
        version = document.versions.filter(number=number).first()
        if version is None:
            raise Http404
        return self.serve_version(request, document, version)
