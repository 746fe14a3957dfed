"""A document's journal: who added it, added a version, changed its details, downloaded,
binned and restored it, and which version; read by the coordinators only."""

import pytest
from django.urls import reverse

from extranet.documents import library
from extranet.documents.models import Document, EventKind
from tests.extranet.documents.library_helpers import odt_upload, signed_in
from tests.factories.documents import FolderFactory, make_document, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(db):
    return FolderFactory(name="Assemblées")


@pytest.fixture
def document(folder, association, member):
    return make_document(folder=folder, title="Statuts", owner_association=association,
                         by=member)


def journal(document):
    return list(document.events.order_by("at", "pk").values_list(
        "kind", "person", "version__number"))


def test_adding_a_document_is_logged_with_its_first_version(client, member, folder,
                                                            association):
    signed_in(client, member).post(reverse("extranet:document_create"), {
        "folder": folder.pk, "title": "Charte", "description": "", "tags": "",
        "owner_association": association.pk, "file": pdf_upload("charte.pdf")})

    document = Document.objects.get(title="Charte")
    assert journal(document) == [(EventKind.ADDED, member.pk, 1)]


def test_a_new_version_is_logged_with_its_number(client, member, document):
    signed_in(client, member).post(reverse("extranet:version_create", args=[document.pk]),
                                   {"file": odt_upload("statuts.odt"), "note": ""})

    assert journal(document)[-1] == (EventKind.NEW_VERSION, member.pk, 2)


def test_a_change_of_details_is_logged(client, member, document, folder):
    signed_in(client, member).post(reverse("extranet:document_edit", args=[document.pk]), {
        "folder": folder.pk, "title": "Statuts adoptés", "description": "", "tags": ""})

    assert journal(document)[-1] == (EventKind.CHANGED, member.pk, None)


def test_a_download_is_logged_with_the_version_downloaded(client, member, document,
                                                          coordinator):
    library.add_version(document, odt_upload("statuts.odt"), member)
    signed_in(client, coordinator)

    client.get(reverse("extranet:document_download", args=[document.pk]))
    client.get(reverse("extranet:version_download", args=[document.pk, 1]))

    assert journal(document)[-2:] == [(EventKind.DOWNLOADED, coordinator.pk, 2),
                                      (EventKind.DOWNLOADED, coordinator.pk, 1)]


def test_a_refused_download_is_not_logged(client, non_member, document):
    signed_in(client, non_member).get(reverse("extranet:document_download",
                                              args=[document.pk]))

    assert [kind for kind, *_rest in journal(document)] == [EventKind.ADDED]


def test_binning_and_restoring_are_logged_with_who_did_it(client, member, coordinator,
                                                          document):
    signed_in(client, member).post(reverse("extranet:document_bin", args=[document.pk]))
    signed_in(client, coordinator).post(reverse("extranet:document_restore",
                                                args=[document.pk]))

    assert journal(document)[-2:] == [(EventKind.BINNED, member.pk, None),
                                      (EventKind.RESTORED, coordinator.pk, None)]


def test_binning_twice_is_logged_once(client, member, document):
    signed_in(client, member)
    client.post(reverse("extranet:document_bin", args=[document.pk]))
    client.post(reverse("extranet:document_bin", args=[document.pk]))

    assert [kind for kind, *_rest in journal(document)].count(EventKind.BINNED) == 1


def test_a_coordinator_reads_the_journal(client, coordinator, member, document):
    signed_in(client, coordinator).get(reverse("extranet:document_download",
                                               args=[document.pk]))

    response = client.get(reverse("extranet:document_journal", args=[document.pk]))

    assert response.status_code == 200
    rows = response.text.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert "Téléchargé" in rows[0] and coordinator.first_name in rows[0]
    assert "Déposé" in rows[1] and member.first_name in rows[1]
    assert all("<td>1</td>" in row for row in rows)


def test_the_document_s_page_links_its_journal_for_a_coordinator_only(client, coordinator,
                                                                       member, document):
    journal_url = reverse("extranet:document_journal", args=[document.pk])
    page = reverse("extranet:document_detail", args=[document.pk])

    assert journal_url in signed_in(client, coordinator).get(page).text
    assert journal_url not in signed_in(client, member).get(page).text


@pytest.mark.parametrize("person", ["member", "representative", "non_member"])
def test_only_coordinators_read_the_journal(client, request, person, document):
    signed_in(client, request.getfixturevalue(person))

    response = client.get(reverse("extranet:document_journal", args=[document.pk]))

    assert response.status_code == 403

