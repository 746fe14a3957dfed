"""`seed_demo` fills the shared documents: the library's folders and who reads them, real PDF
files, the statutes in two versions, a document in the bin, and the public page « Documents
du collectif » in French and English; running it twice adds nothing."""

import io

import pytest
from django.core.management import call_command
from pypdf import PdfReader

from extranet.documents.models import (
    Audience,
    Document,
    DocumentEvent,
    DocumentVersion,
    Folder,
    PublicDocumentsPage,
)
from extranet.governance.models import Body, BodyKind
from extranet.groups.models import WorkingGroup

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", stdout=io.StringIO())


def stored_files():
    return sorted(DocumentVersion.objects.values_list("file", flat=True))


def test_seed_demo_twice_adds_no_folder_document_version_event_or_file():
    seed()
    counts = (Folder.objects.count(), Document.objects.count(),
              DocumentVersion.objects.count(), DocumentEvent.objects.count(),
              PublicDocumentsPage.objects.count())
    files = stored_files()

    seed()

    assert (Folder.objects.count(), Document.objects.count(),
            DocumentVersion.objects.count(), DocumentEvent.objects.count(),
            PublicDocumentsPage.objects.count()) == counts
    assert stored_files() == files


def test_the_demo_library_has_its_folders_versions_bin_and_pdf_files(client):
    seed()

    audiences = dict(Folder.objects.filter(parent__isnull=True).values_list("name", "audience"))
    assert audiences == {
        "Statuts et charte": Audience.PUBLIC, "Rapports annuels": Audience.PUBLIC,
        "Groupes de travail": Audience.MEMBERS, "Séances et instances": Audience.BODY,
        "Coordination": Audience.COORDINATORS,
    }
    assert Folder.objects.get(name="Séances et instances").body_id == Body.objects.get(
        kind=BodyKind.PLENARY).pk
    groups = set(Folder.objects.filter(parent__name="Groupes de travail",
                                       audience=Audience.GROUP).values_list("group", flat=True))
    assert groups == set(WorkingGroup.objects.values_list("pk", flat=True))
    statutes = Document.objects.get(title="Statuts du collectif")
    first, second = statutes.versions.order_by("number")
    assert second.note and first.uploaded_at < second.uploaded_at == statutes.updated_at
    assert Document.objects.in_bin().count() == 1
    with second.file.open("rb") as file:
        text = PdfReader(file).pages[0].extract_text()
    assert "Statuts du collectif" in text and "Coordination tournante" in text


def test_the_demo_public_page_lists_the_public_documents_in_french_and_english(client):
    seed()

    pages = PublicDocumentsPage.objects.live()
    assert sorted(pages.values_list("locale__language_code", flat=True)) == ["en", "fr"]
    for page in pages:
        text = client.get(page.url).content.decode()
        assert "Statuts du collectif" in text and "Charte des valeurs communes" in text
        assert "Feuille de route de la coordination" not in text  # the coordinators'
        assert "première maquette" not in text  # in the bin
