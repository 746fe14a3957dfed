import datetime

import factory
import wagtail_factories
from django.core.files.uploadedfile import SimpleUploadedFile
from fpdf import FPDF

from extranet.documents import library
from extranet.documents.models import Audience, Folder, PublicDocumentsPage
from tests.factories.accounts import PersonFactory
from tests.factories.directory import AssociationFactory

PDF_CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def pdf_bytes(*lines):
    """A real one-page PDF holding `lines` (searchable text, accents included), the same bytes
    for the same lines: the creation date is fixed (it is only metadata), since the current
    time would differ by a second between two calls and change the bytes."""
    pdf = FPDF()
    pdf.set_creation_date(PDF_CREATED)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    for line in lines or ("Document du collectif",):
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def pdf_upload(name="document.pdf", *lines):
    return SimpleUploadedFile(name, pdf_bytes(*lines), content_type="application/pdf")


class FolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Folder

    name = factory.Sequence(lambda n: f"Dossier {n}")
    audience = Audience.MEMBERS


def make_document(folder=None, title="Compte rendu de l'assemblée", by=None,
                  owner_association=None, upload=None, **kwargs):
    """A document with its first version, added as a member would (extranet.documents.library)."""
    return library.add_document(
        folder=folder or FolderFactory(), title=title,
        owner_association=owner_association or AssociationFactory(is_member=True),
        upload=upload or pdf_upload("compte-rendu.pdf", title),
        by=by or PersonFactory(), **kwargs,
    )


class PublicDocumentsPageFactory(wagtail_factories.PageFactory):
    """The published page « Documents du collectif ». Pass `parent=` (the home page)."""

    class Meta:
        model = PublicDocumentsPage

    title = "Documents du collectif"
    slug = "documents-du-collectif"
    introduction = "Nos statuts, notre charte et nos rapports, à télécharger."
    live = True
