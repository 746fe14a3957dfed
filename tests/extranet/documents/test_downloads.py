"""How the library serves a file: as an attachment under its original (cleaned) name, with the
type of its extension, never sniffed, never kept by a shared cache; and only through Django's
storage API, so that any storage (a folder, an S3 bucket) holds the files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.documents import library
from extranet.documents.models import Audience, Document
from tests.extranet.documents.conftest import FIRST_VERSION, two_versions
from tests.factories import FolderFactory, make_document, pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(db):
    return FolderFactory(name="Statuts et charte", audience=Audience.MEMBERS)


def download(client, document, number=None):
    if number is None:
        return client.get(reverse("extranet:document_download",
                                  kwargs={"document_id": document.pk}))
    return client.get(reverse("extranet:version_download",
                              kwargs={"document_id": document.pk, "number": number}))


def test_a_download_is_an_attachment_under_its_original_name(client, member, folder):
    document = make_document(folder=folder,
                             upload=SimpleUploadedFile("statuts-2026.pdf", pdf_bytes()))
    client.force_login(member)

    response = download(client, document)

    assert response["Content-Disposition"] == 'attachment; filename="statuts-2026.pdf"'


def test_a_download_carries_the_cleaned_name_not_the_given_one(client, member, folder):
    document = make_document(folder=folder, upload=SimpleUploadedFile(
        'C:\\Bureau\\.compte "rendu"\r\nSet-Cookie: x=1.pdf', pdf_bytes()))
    client.force_login(member)

    response = download(client, document)

    assert response["Content-Disposition"] == (
        'attachment; filename="compte _rendu_Set-Cookie_ x=1.pdf"')
    assert "Set-Cookie" not in {header.lower() for header in response.headers}


def test_a_name_with_accents_is_offered_as_it_was(client, member, folder):
    document = make_document(folder=folder, upload=SimpleUploadedFile(
        "Compte rendu de l'assemblée.pdf", pdf_bytes()))
    client.force_login(member)

    response = download(client, document)

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''Compte%20rendu%20de%20l%27assembl%C3%A9e.pdf")


@pytest.mark.parametrize("number", [None, 1], ids=["current version", "older version"])
def test_a_download_is_never_sniffed_nor_kept_by_a_shared_cache(client, member, folder,
                                                                 number):
    document = two_versions(folder)
    client.force_login(member)

    response = download(client, document, number)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == "application/pdf"


def test_an_older_version_is_offered_under_its_own_name(client, member, folder):
    document = make_document(folder=folder,
                             upload=SimpleUploadedFile("statuts-projet.pdf", pdf_bytes()))
    library.add_version(document, SimpleUploadedFile("statuts-adoptes.pdf", pdf_bytes()),
                        by=None)
    client.force_login(member)

    older, current = download(client, document, 1), download(client, document)

    assert older["Content-Disposition"] == 'attachment; filename="statuts-projet.pdf"'
    assert current["Content-Disposition"] == 'attachment; filename="statuts-adoptes.pdf"'


def test_a_text_file_is_served_as_text_even_if_it_holds_html(client, member, folder):
    document = make_document(folder=folder, upload=SimpleUploadedFile(
        "notes.txt", b"<html><script>alert(document.cookie)</script></html>"))
    client.force_login(member)

    response = download(client, document)

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_file_missing_from_the_storage_is_not_found(client, member, folder):
    document = make_document(folder=folder)
    version = document.versions.get()
    version.file.storage.delete(version.file.name)
    client.force_login(member)

    response = download(client, document)

    assert response.status_code == 404


def test_files_have_no_address_of_their_own(folder):
    version = make_document(folder=folder).versions.get()

    with pytest.raises(ValueError):
        version.file.url  # noqa: B018


# Any storage of Django's API.

@pytest.fixture
def storage_in_memory(settings):
    settings.STORAGES = {**settings.STORAGES,
                         "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def files_under(root):
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def add_through_the_form(client, folder, association, content, capture_on_commit):
    """The member signed in to `client` adds a PDF through the library's form, its tasks (the
    text read from the file) run; returns the document."""
    with capture_on_commit(execute=True):
        client.post(reverse("extranet:document_create"), {
            "folder": folder.pk, "title": "Charte", "description": "", "tags": "",
            "owner_association": association.pk,
            "file": SimpleUploadedFile("charte.pdf", content),
        })
    return Document.objects.get()


def test_an_upload_then_its_download_go_through_the_private_storage(
        client, member, association, folder, settings, storage_in_memory,
        django_capture_on_commit_callbacks):
    client.force_login(member)
    content = pdf_bytes("Charte du collectif")

    document = add_through_the_form(client, folder, association, content,
                                    django_capture_on_commit_callbacks)
    response = download(client, document)

    assert b"".join(response.streaming_content) == content
    assert "Charte du collectif" in document.text
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []


def test_an_older_version_comes_from_the_private_storage_too(client, member, folder, settings,
                                                            storage_in_memory):
    document = two_versions(folder)
    client.force_login(member)

    response = download(client, document, 1)

    assert b"".join(response.streaming_content) == FIRST_VERSION
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == []
