"""The bin: a binned document leaves the lists, the coordinators restore it from the bin's
page, and `manage.py purge_document_bin` deletes it, its rows and its files, once it has
waited DOCUMENTS_BIN_DAYS days (30). A folder is deleted only when it holds nothing."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from extranet.documents.models import Document, DocumentEvent, DocumentVersion, Folder
from portal.dates import long_date
from tests.extranet.documents.library_helpers import signed_in
from tests.factories.documents import FolderFactory, make_document, pdf_upload

pytestmark = pytest.mark.django_db

BIN = reverse("extranet:document_bin_list")


@pytest.fixture
def folder(db):
    return FolderFactory(name="Comptes rendus")


@pytest.fixture
def document(folder, association, member):
    return make_document(folder=folder, title="Procès-verbal du conseil",
                         owner_association=association, by=member)


def binned(document, by, days_ago=0):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days_ago)):
        library.move_to_bin(document, by)
    document.refresh_from_db()
    return document


def purge(capture):
    """Run the command as the server's daily job would, its after-commit work included."""
    out = io.StringIO()
    with capture(execute=True):
        call_command("purge_document_bin", stdout=out)
    return out.getvalue()


def stored_files(document):
    return [(version.file.storage, version.file.name) for version in document.versions.all()]


# Leaving the lists.

def test_a_member_bins_a_document_of_their_association(client, member, document):
    response = signed_in(client, member).post(
        reverse("extranet:document_bin", args=[document.pk]))

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.in_bin
    assert document.deleted_by == member


def test_a_binned_document_leaves_its_folder_s_page(client, member, document):
    binned(document, member)

    response = signed_in(client, member).get(
        reverse("extranet:folder_detail", args=[document.folder_id]))

    assert list(response.context["documents"]) == []
    assert "Procès-verbal du conseil" not in response.text


def test_a_binned_document_leaves_the_search(client, member, document):
    binned(document, member)

    response = signed_in(client, member).get(reverse("extranet:library"),
                                              {"q": "Procès-verbal"})

    assert list(response.context["results"]) == []


def test_a_binned_document_leaves_the_library_s_latest_documents(client, member, document):
    binned(document, member)

    response = signed_in(client, member).get(reverse("extranet:library"))

    assert response.context["recent"] == []


def test_a_binned_document_leaves_the_extranet_s_home(client, member, document):
    binned(document, member)

    response = signed_in(client, member).get(reverse("extranet:home"))

    assert response.context["recent_documents"] == []
    assert "Procès-verbal du conseil" not in response.text


def test_a_binned_document_is_no_longer_counted_in_its_folder(client, member, document):
    make_document(folder=document.folder, title="Ordre du jour")
    binned(document, member)

    response = signed_in(client, member).get(reverse("extranet:library"))

    assert [folder.document_count for folder in response.context["folders"]] == [1]


# Restoring.

def test_the_bin_lists_the_binned_documents_with_their_purge_day(client, coordinator,
                                                                 document, member):
    binned(document, member, days_ago=10)
    make_document(title="Toujours là")

    response = signed_in(client, coordinator).get(BIN)

    assert list(response.context["documents"]) == [document]
    purge_day = timezone.localdate() + datetime.timedelta(days=20)
    assert document.purge_on() == purge_day
    assert long_date(purge_day) in (
        response.text.split("Procès-verbal du conseil")[1])


def test_a_coordinator_restores_a_document_from_the_bin(client, coordinator, document, member):
    binned(document, member)
    signed_in(client, coordinator)

    response = client.post(reverse("extranet:document_restore", args=[document.pk]))

    assert response.status_code == 302
    assert response["Location"] == BIN
    document.refresh_from_db()
    assert not document.in_bin
    assert document.deleted_by is None
    folder_page = client.get(reverse("extranet:folder_detail", args=[document.folder_id]))
    assert list(folder_page.context["documents"]) == [document]
    assert list(client.get(reverse("extranet:library"), {"q": "Procès-verbal"})
                .context["results"]) == [document]


def test_restoring_is_a_post(client, coordinator, document, member):
    binned(document, member)

    response = signed_in(client, coordinator).get(
        reverse("extranet:document_restore", args=[document.pk]))

    assert response.status_code == 405
    document.refresh_from_db()
    assert document.in_bin


# The purge.

def test_the_purge_deletes_a_document_binned_more_than_30_days_ago_and_its_files(
        document, member, django_capture_on_commit_callbacks):
    library.add_version(document, pdf_upload("pv-v2.pdf"), member)
    files = stored_files(document)
    assert all(storage.exists(name) for storage, name in files)
    binned(document, member)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        report = purge(django_capture_on_commit_callbacks)

    assert not Document.objects.filter(pk=document.pk).exists()
    assert not DocumentVersion.objects.filter(document_id=document.pk).exists()
    assert not DocumentEvent.objects.filter(document_id=document.pk).exists()
    assert not any(storage.exists(name) for storage, name in files)
    assert "- Procès-verbal du conseil" in report
    assert "1 document(s) supprimé(s)" in report


def test_a_document_binned_29_days_ago_stays_in_the_bin(
        document, member, django_capture_on_commit_callbacks):
    binned(document, member, days_ago=29)
    files = stored_files(document)

    report = purge(django_capture_on_commit_callbacks)

    assert Document.objects.in_bin().get() == document
    assert all(storage.exists(name) for storage, name in files)
    assert "0 document(s) supprimé(s)" in report


def test_a_restored_document_is_not_purged(document, member, coordinator,
                                           django_capture_on_commit_callbacks):
    binned(document, member, days_ago=20)
    library.restore(document, coordinator)
    files = stored_files(document)

    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        purge(django_capture_on_commit_callbacks)

    assert Document.objects.live().get() == document
    assert all(storage.exists(name) for storage, name in files)


def test_the_purge_leaves_live_documents_alone(document, django_capture_on_commit_callbacks):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=365)):
        purge(django_capture_on_commit_callbacks)

    assert Document.objects.get() == document


# Deleting folders.

def folder_delete(client, folder):
    return client.post(reverse("extranet:folder_delete", args=[folder.pk]), follow=True)


def test_a_coordinator_deletes_an_empty_folder(client, coordinator):
    parent = FolderFactory(name="Archives")
    empty = FolderFactory(name="2019", parent=parent)

    response = folder_delete(signed_in(client, coordinator), empty)

    assert not Folder.objects.filter(pk=empty.pk).exists()
    assert response.redirect_chain[-1][0] == reverse("extranet:folder_detail",
                                                     args=[parent.pk])
    assert "Le dossier « 2019 » est supprimé." in response.text


def test_a_folder_that_holds_a_document_is_not_deleted(client, coordinator, document):
    response = folder_delete(signed_in(client, coordinator), document.folder)

    assert Folder.objects.filter(pk=document.folder_id).exists()
    assert "contient encore des documents" in response.text


def test_a_folder_whose_documents_are_in_the_bin_is_not_deleted(client, coordinator, document,
                                                                 member):
    binned(document, member)

    response = folder_delete(signed_in(client, coordinator), document.folder)

    assert Folder.objects.filter(pk=document.folder_id).exists()
    assert "la corbeille compte aussi" in response.text


def test_a_folder_that_holds_a_subfolder_is_not_deleted(client, coordinator, folder):
    FolderFactory(name="2025", parent=folder)

    response = folder_delete(signed_in(client, coordinator), folder)

    assert Folder.objects.filter(pk=folder.pk).exists()
    assert "sous-dossiers" in response.text


def test_the_confirmation_page_says_a_full_folder_cannot_be_deleted(client, coordinator,
                                                                    document):
    response = signed_in(client, coordinator).get(
        reverse("extranet:folder_delete", args=[document.folder_id]))

    assert response.context["holds"] is True


def test_a_folder_emptied_by_the_purge_can_be_deleted(client, coordinator, document, member,
                                                      django_capture_on_commit_callbacks):
    binned(document, member, days_ago=31)
    purge(django_capture_on_commit_callbacks)

    folder_delete(signed_in(client, coordinator), document.folder)

    assert not Folder.objects.filter(pk=document.folder_id).exists()
