"""What the library takes in: a file whose extension lies about its content is refused, so is
a file over DOCUMENTS_MAX_UPLOAD_BYTES (a new version too), each with a message naming the
file and nothing stored; the member's file name is cleaned, and the stored name is one
nobody can guess."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.documents import library
from extranet.documents.models import Audience, Document, DocumentVersion
from portal.uploads import clean_filename
from tests.extranet.documents.conftest import two_versions
from tests.factories import AssociationFactory, FolderFactory, make_document, pdf_bytes

pytestmark = pytest.mark.django_db

ODT = "application/vnd.oasis.opendocument.text"


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
LIARS = {
    "a program named .pdf": ("statuts.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200),
    "an HTML page named .pdf": (
        "compte-rendu.pdf", b"<html><body><script>alert(document.cookie)</script></body></html>"),
    "a PNG image named .pdf": ("affiche.pdf", PNG),
    "a zip archive named .odt": (
        "rapport.odt", zip_bytes({"rapport.exe": b"MZ\x90\x00", "lisez-moi.txt": b"Bonjour"})),
    "a zip archive named .docx": (
        "budget.docx", zip_bytes({"budget.exe": b"MZ\x90\x00", "lisez-moi.txt": b"Bonjour"})),
    "an OpenDocument text named .docx": (
        "budget.docx", zip_bytes({"mimetype": ODT, "content.xml": b"<office/>"})),
    "a PDF named .png": ("photo.png", pdf_bytes("Pas une image")),
}


def stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


@pytest.fixture
def folder(db):
    return FolderFactory(name="Statuts et charte", audience=Audience.MEMBERS)


def post_document(client, folder, association, upload, **data):
    return client.post(reverse("extranet:document_create"), {
        "folder": folder.pk, "title": "Statuts", "description": "", "tags": "",
        "owner_association": association.pk, "file": upload, **data,
    })


def file_errors(response):
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.mark.parametrize("case", LIARS)
def test_a_file_whose_extension_lies_about_its_content_is_refused(
        client, member, association, folder, settings, case):
    name, content = LIARS[case]
    client.force_login(member)

    response = post_document(client, folder, association, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    extension = name.rsplit(".", 1)[1].upper()
    assert (f"« {name} » n'est pas un vrai fichier {extension} : son contenu ne correspond "
            "pas à son nom.") in file_errors(response)
    assert f"« {name} »" in response.text
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("case", LIARS)
def test_a_new_version_whose_extension_lies_is_refused(client, representative, association,
                                                       folder, settings, case):
    document = make_document(folder=folder, owner_association=association)
    files_before = stored_files(settings)
    name, content = LIARS[case]
    client.force_login(representative)

    response = client.post(reverse("extranet:version_create",
                                   kwargs={"document_id": document.pk}),
                           {"note": "", "file": SimpleUploadedFile(name, content)})

    assert f"« {name} » n'est pas un vrai fichier" in file_errors(response)
    assert document.versions.count() == 1
    assert stored_files(settings) == files_before


def test_a_file_of_a_kind_not_accepted_is_refused_with_its_name(client, member, association,
                                                               folder, settings):
    client.force_login(member)

    response = post_document(client, folder, association,
                             SimpleUploadedFile("page.html", b"<html></html>"))

    assert "« page.html » : ce type de fichier n'est pas accepté" in file_errors(response)
    assert not Document.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize(("name", "content"), [
    ("compte-rendu.odt", zip_bytes({"mimetype": ODT, "content.xml": b"<office/>"})),
    ("budget.docx", zip_bytes({"[Content_Types].xml": b"<Types/>",
                               "word/document.xml": b"<w:document/>"})),
    ("affiche.png", PNG),
    ("adherents.csv", b"nom;commune\nAmicale;Chelles\n"),
], ids=["odt", "docx", "png", "csv"])
def test_a_file_that_is_what_its_extension_says_is_accepted(client, member, association,
                                                            folder, settings, name, content):
    client.force_login(member)

    response = post_document(client, folder, association, SimpleUploadedFile(name, content))

    assert response.status_code == 302
    assert Document.objects.get().versions.get().filename == name
    assert len(stored_files(settings)) == 1


# Size.

def oversize_pdf(size):
    return SimpleUploadedFile("rapport-annuel.pdf", b"%PDF-1.7\n" + b"0" * (size - 9))


def test_a_file_over_the_limit_is_refused_with_the_limit(client, member, association, folder,
                                                         settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1024 * 1024
    client.force_login(member)

    response = post_document(client, folder, association,
                             oversize_pdf(3 * 1024 * 1024 // 2))

    assert ("« rapport-annuel.pdf » pèse 1,5 Mo, plus que les 1 Mo acceptés"
            in file_errors(response))
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_a_file_just_at_the_limit_is_accepted(client, member, association, folder, settings):
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1024 * 1024
    client.force_login(member)

    response = post_document(client, folder, association, oversize_pdf(1024 * 1024))

    assert response.status_code == 302
    assert Document.objects.get().versions.get().size == 1024 * 1024


def test_a_new_version_over_the_limit_is_refused_with_the_limit(client, representative,
                                                                association, folder,
                                                                settings):
    document = make_document(folder=folder, owner_association=association)
    files_before = stored_files(settings)
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 1024 * 1024
    client.force_login(representative)

    response = client.post(reverse("extranet:version_create",
                                   kwargs={"document_id": document.pk}),
                           {"note": "", "file": oversize_pdf(2 * 1024 * 1024 + 1)})

    assert ("« rapport-annuel.pdf » pèse 2,1 Mo, plus que les 1 Mo acceptés"
            in file_errors(response))
    assert document.versions.count() == 1
    assert stored_files(settings) == files_before


@pytest.mark.parametrize("name", ["extranet:document_create", "extranet:version_create"])
def test_the_form_tells_the_limit_in_force_before_the_upload(client, representative,
                                                             association, folder, settings,
                                                             name):
    document = make_document(folder=folder, owner_association=association)
    settings.DOCUMENTS_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    client.force_login(representative)

    response = client.get(reverse(name, kwargs={"document_id": document.pk}
                                  if name == "extranet:version_create" else {}))

    assert "; 5 Mo au plus." in response.text


# Names.

@pytest.mark.parametrize(("given", "kept"), [
    ("../../etc/statuts.pdf", "statuts.pdf"),
    ("C:\\Users\\Camille\\Bureau\\statuts.pdf", "statuts.pdf"),
    ("stat\x00uts\x1f\n 2026.pdf", "statuts 2026.pdf"),
    (".statuts.pdf", "statuts.pdf"),
    ("..\\..\\.htaccess.pdf", "htaccess.pdf"),
    ('compte "rendu" <AG>.pdf', "compte _rendu_ _AG_.pdf"),
    ("\u202egnp.pdf", "gnp.pdf"),
    ("...", "fichier"),
], ids=["slashes", "backslashes", "control characters", "leading dot", "hidden in folders",
        "quotes and brackets", "right-to-left override", "nothing left"])
def test_a_file_name_is_cleaned(given, kept):
    assert clean_filename(given) == kept


def test_a_long_file_name_is_shortened_with_its_extension_kept():
    name = clean_filename("compte rendu " * 30 + ".pdf")

    assert len(name) <= 150
    assert name.startswith("compte rendu")
    assert name.endswith(".pdf")


def test_a_document_keeps_the_cleaned_name_and_stores_a_name_nobody_can_guess(folder):
    upload = SimpleUploadedFile("C:\\Mes documents\\.Statuts\x07 signés.pdf", pdf_bytes())

    version = make_document(folder=folder, upload=upload).versions.get()

    assert version.filename == "Statuts signés.pdf"
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", version.file.name)


def test_two_files_of_the_same_name_are_stored_under_different_names(folder):
    document = two_versions(folder)

    first, second = (version.file.name for version in document.versions.order_by("number"))

    assert first != second
    assert "statuts" not in first + second


def test_a_file_posted_with_a_hidden_name_is_kept_under_its_cleaned_name(
        client, member, association, folder):
    client.force_login(member)

    post_document(client, folder, association,
                  SimpleUploadedFile(".compte-rendu.pdf", pdf_bytes()))

    version = DocumentVersion.objects.get()
    assert version.filename == "compte-rendu.pdf"
    assert "compte-rendu" not in version.file.name


def test_the_stored_type_is_the_extension_s_not_the_browser_s(client, member, association,
                                                              folder):
    client.force_login(member)

    post_document(client, folder, association,
                  SimpleUploadedFile("statuts.pdf", pdf_bytes(), content_type="text/html"))

    assert DocumentVersion.objects.get().content_type == "application/pdf"


def test_a_new_version_keeps_the_older_file(client, representative, association, folder):
    document = make_document(folder=folder, owner_association=association)
    client.force_login(representative)

    client.post(reverse("extranet:version_create", kwargs={"document_id": document.pk}),
                {"note": "Corrigé", "file": SimpleUploadedFile("statuts-v2.pdf", pdf_bytes())})

    first, second = document.versions.order_by("number")
    assert (first.number, second.number, second.filename) == (1, 2, "statuts-v2.pdf")
    assert first.file.storage.exists(first.file.name)


def test_the_text_of_an_upload_is_read_for_the_search(client, member, association, folder,
                                                      django_capture_on_commit_callbacks):
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        post_document(client, folder, association,
                      SimpleUploadedFile("charte.pdf", pdf_bytes("Charte de la solidarité")))

    assert "Charte de la solidarité" in Document.objects.get().text


def test_a_row_that_cannot_be_written_leaves_no_file(folder, settings, monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(DocumentVersion, "save", refuse)

    with pytest.raises(RuntimeError):
        library.add_document(folder=folder, title="Statuts",
                             owner_association=AssociationFactory(is_member=True),
                             upload=SimpleUploadedFile("statuts.pdf", pdf_bytes()), by=None)

    assert stored_files(settings) == []
