"""Reading the text inside a version, for the search (extranet/documents/text.py), and the
background task that keeps it on the document (extranet/documents/tasks.py)."""

import io

import pytest

from extranet.documents import library
from extranet.documents.models import Document
from extranet.documents.tasks import read_text
from extranet.documents.text import text_of
from tests.extranet.documents.library_helpers import docx_bytes, odt_bytes, txt_upload
from tests.factories.documents import make_document, pdf_bytes, pdf_upload


def read(content, extension):
    return text_of(io.BytesIO(content), extension)


def test_the_text_of_a_pdf_is_read():
    assert "Rapport moral de la présidente" in read(
        pdf_bytes("Rapport moral de la présidente"), "pdf")


def test_the_text_of_an_opendocument_text_is_read():
    text = read(odt_bytes("Procès-verbal du conseil", "Trésorerie équilibrée"), "odt")

    assert "Procès-verbal du conseil" in text
    assert "Trésorerie équilibrée" in text


def test_the_text_of_an_office_text_is_read():
    assert "Budget prévisionnel" in read(docx_bytes("Budget prévisionnel"), "docx")


def test_the_text_of_a_plain_text_file_is_read():
    assert read("Liste des bénévoles\nÉté 2026".encode(), "txt") == (
        "Liste des bénévoles\nÉté 2026")


def test_a_damaged_pdf_gives_no_text_and_raises_nothing():
    damaged = pdf_bytes("Compte rendu")[:200]

    assert read(damaged, "pdf") == ""


def test_a_damaged_opendocument_gives_no_text_and_raises_nothing():
    assert read(b"PK\x03\x04 not really a zip", "odt") == ""


def test_an_image_gives_no_text():
    assert read(b"\x89PNG\r\n\x1a\n", "png") == ""


# The task.



@pytest.mark.django_db
def test_the_text_of_a_new_document_is_read_once_it_is_saved(
        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(upload=pdf_upload("ag.pdf", "Quorum atteint"))

    document.refresh_from_db()
    assert "Quorum atteint" in document.text


@pytest.mark.django_db
def test_a_new_version_replaces_the_text_of_the_document(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(upload=pdf_upload("ag.pdf", "Ancien texte"))
    with django_capture_on_commit_callbacks(execute=True):
        library.add_version(document, txt_upload("ag.txt", "Texte nouveau"),
                            by=document.created_by)

    document.refresh_from_db()
    assert document.text == "Texte nouveau"


@pytest.mark.django_db
def test_the_task_ignores_a_version_that_is_no_longer_the_latest(
        django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = make_document(upload=pdf_upload("ag.pdf", "Premier jet"))
    first = document.versions.get()
    with django_capture_on_commit_callbacks(execute=True):
        library.add_version(document, txt_upload("ag.txt", "Version adoptée"),
                            by=document.created_by)

    assert read_text.call(first.pk) == 0

    document.refresh_from_db()
    assert document.text == "Version adoptée"


@pytest.mark.django_db
def test_the_task_ignores_a_version_that_was_purged():
    document = make_document()
    version_id = document.versions.get().pk
    Document.objects.filter(pk=document.pk).delete()

    assert read_text.call(version_id) == 0


# Words split by the word processor's styling.

def test_a_word_split_by_a_style_in_an_opendocument_text_is_read_whole():
    text = read(odt_bytes('Tré<text:span text:style-name="T1">sorerie</text:span> saine'),
                "odt")

    assert "Trésorerie saine" in text


def test_a_word_split_across_runs_of_an_office_text_is_read_whole():
    two_runs = "Budget prévi</w:t></w:r><w:r><w:t>sionnel"

    assert "Budget prévisionnel" in read(docx_bytes(two_runs), "docx")


def test_paragraphs_and_spaces_of_an_opendocument_text_keep_words_apart():
    text = read(odt_bytes("Fin du compte rendu.", "Annexe<text:s/>1<text:tab/>budget"),
                "odt")

    assert text == "Fin du compte rendu. Annexe 1 budget"
