"""A document's versions: a new version keeps the older ones, each downloadable with its own
content, who added it and when shown on the document's page."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from portal.dates import date_hour
from tests.extranet.documents.library_helpers import odt_bytes, odt_upload, signed_in
from tests.factories import MembershipFactory, PersonFactory
from tests.factories.documents import FolderFactory, make_document, pdf_bytes, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(association, member):
    return make_document(folder=FolderFactory(name="Assemblées"), title="Statuts",
                         owner_association=association, by=member,
                         upload=pdf_upload("statuts.pdf", "Statuts de 2025"))


def downloaded(response):
    return b"".join(response.streaming_content)


def test_a_member_of_the_owner_association_adds_a_version(client, member, document):
    response = signed_in(client, member).post(
        reverse("extranet:version_create", args=[document.pk]),
        {"file": odt_upload("statuts-2026.odt", "Statuts de 2026"),
         "note": "Article 4 modifié"})

    assert response.status_code == 302
    version = document.versions.get(number=2)
    assert (version.filename, version.note, version.uploaded_by) == (
        "statuts-2026.odt", "Article 4 modifié", member)


def test_a_new_version_keeps_the_older_ones(document, member):
    library.add_version(document, odt_upload("statuts-2026.odt", "Statuts de 2026"), member)

    assert list(document.versions.values_list("number", "filename")) == [
        (2, "statuts-2026.odt"), (1, "statuts.pdf")]


def test_versions_are_numbered_one_after_the_other(document, member):
    for index in range(3):
        library.add_version(document, pdf_upload(f"v{index}.pdf"), member)

    assert sorted(document.versions.values_list("number", flat=True)) == [1, 2, 3, 4]


def test_each_version_is_downloaded_with_its_own_content(client, member, document):
    library.add_version(document, odt_upload("statuts-2026.odt", "Statuts de 2026"), member)
    signed_in(client, member)

    first = client.get(reverse("extranet:version_download", args=[document.pk, 1]))
    second = client.get(reverse("extranet:version_download", args=[document.pk, 2]))

    assert downloaded(first) == pdf_bytes("Statuts de 2025")
    assert 'filename="statuts.pdf"' in first["Content-Disposition"]
    assert downloaded(second) == odt_bytes("Statuts de 2026")
    assert 'filename="statuts-2026.odt"' in second["Content-Disposition"]


def test_the_document_s_download_is_its_latest_version(client, member, document):
    library.add_version(document, odt_upload("statuts-2026.odt", "Statuts de 2026"), member)

    response = signed_in(client, member).get(
        reverse("extranet:document_download", args=[document.pk]))

    assert downloaded(response) == odt_bytes("Statuts de 2026")


def test_a_version_that_does_not_exist_is_not_found(client, member, document):
    response = signed_in(client, member).get(
        reverse("extranet:version_download", args=[document.pk, 2]))

    assert response.status_code == 404


def test_the_document_s_page_says_who_added_each_version_and_when(client, member, document,
                                                                  association):
    colleague = MembershipFactory(association=association,
                                  person=PersonFactory(first_name="Yasmina",
                                                       last_name="Belkacem")).person
    later = timezone.now() + datetime.timedelta(days=40)
    with time_machine.travel(later, tick=False):
        library.add_version(document, odt_upload("statuts-2026.odt"), colleague,
                            note="Relu par le bureau")

    response = signed_in(client, member).get(
        reverse("extranet:document_detail", args=[document.pk]))

    rows = response.text.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert "Version 2" in rows[0] and "actuelle" in rows[0]
    assert "Yasmina Belkacem" in rows[0]
    assert "Relu par le bureau" in rows[0]
    assert date_hour(later) in rows[0]
    assert "Version 1" in rows[1] and "actuelle" not in rows[1]
    assert str(member.first_name) in rows[1]


def test_the_document_follows_its_latest_version(document, member):
    later = timezone.now() + datetime.timedelta(days=3)
    with time_machine.travel(later, tick=False):
        version = library.add_version(document, odt_upload("statuts-2026.odt"), member)

    document.refresh_from_db()
    assert document.extension == "odt"
    assert document.updated_at == version.uploaded_at == later


def test_the_latest_updated_document_comes_first_in_its_folder(client, member, document):
    other = make_document(folder=document.folder, title="Règlement intérieur")
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2), tick=False):
        library.add_version(document, pdf_upload("statuts-v2.pdf"), member)

    response = signed_in(client, member).get(
        reverse("extranet:folder_detail", args=[document.folder_id]))

    assert list(response.context["documents"]) == [document, other]
