"""The public page « Documents du collectif »: the live documents of the library's public
folders, grouped by folder, downloadable by anybody (current and older versions), each
download in the document's journal; nothing else of the library, in French and English."""

import pytest
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from extranet.documents import library
from extranet.documents.models import (
    Audience,
    DocumentEvent,
    EventKind,
    PublicDocumentsPage,
)
from tests.factories import MembershipFactory
from tests.factories.documents import (
    FolderFactory,
    PublicDocumentsPageFactory,
    make_document,
    pdf_bytes,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents_page(home_page):
    return PublicDocumentsPageFactory(parent=home_page)


@pytest.fixture
def public_folder(db):
    return FolderFactory(name="Statuts et charte", audience=Audience.PUBLIC,
                         description="Les textes qui nous fondent.")


@pytest.fixture
def members_folder(db):
    return FolderFactory(name="Comptes rendus internes", audience=Audience.MEMBERS)


@pytest.fixture
def statutes(public_folder):
    return make_document(public_folder, title="Statuts du collectif",
                         description="Adoptés en assemblée constitutive.",
                         upload=pdf_upload("statuts.pdf", "Statuts, première version"))


def content(response):
    return b"".join(response.streaming_content)


def test_the_page_lists_a_public_document_with_its_folder_format_size_and_date(
        client, documents_page, statutes):
    version = statutes.versions.get()

    response = client.get(documents_page.url)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Statuts et charte" in text and "Les textes qui nous fondent." in text
    assert "Statuts du collectif" in text and "Adoptés en assemblée constitutive." in text
    assert "PDF" in text
    assert filesizeformat(version.size) in text
    assert statutes.updated_at.strftime("%Y") in text
    assert f'href="{documents_page.download_url(statutes)}"' in text


def test_documents_are_grouped_under_their_folder(client, documents_page, statutes):
    reports = FolderFactory(name="Rapports annuels", audience=Audience.PUBLIC)
    make_document(reports, title="Rapport d'activité")

    text = client.get(documents_page.url).content.decode()

    assert text.index("Rapports annuels") < text.index("Rapport d&#x27;activité") \
        < text.index("Statuts et charte") < text.index("Statuts du collectif")


def test_a_members_only_document_is_not_listed(client, documents_page, statutes,
                                               members_folder):
    make_document(members_folder, title="Compte rendu du bureau")

    text = client.get(documents_page.url).content.decode()

    assert "Compte rendu du bureau" not in text
    assert "Comptes rendus internes" not in text


def test_a_public_folder_inside_a_members_folder_stays_off_the_page(
        client, documents_page, members_folder):
    hidden = FolderFactory(name="Public mais rangé", audience=Audience.PUBLIC,
                           parent=members_folder)
    make_document(hidden, title="Document mal rangé")

    text = client.get(documents_page.url).content.decode()

    assert "Document mal rangé" not in text


def test_a_binned_document_is_not_listed(client, documents_page, statutes, public_folder):
    binned = make_document(public_folder, title="Ancienne plaquette")
    library.move_to_bin(binned, by=None)

    text = client.get(documents_page.url).content.decode()

    assert "Ancienne plaquette" not in text
    assert "Statuts du collectif" in text


def test_an_empty_page_says_there_is_no_public_document(client, documents_page):
    assert "Aucun document public pour l'instant." in client.get(
        documents_page.url).content.decode()


def test_a_visitor_downloads_a_public_document_as_an_attachment(client, documents_page,
                                                                 statutes):
    response = client.get(documents_page.download_url(statutes))

    assert response.status_code == 200
    assert content(response) == statutes.versions.get().file.open("rb").read()
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="statuts.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"


def test_a_visitors_download_is_in_the_journal_without_a_person(client, documents_page,
                                                                 statutes):
    content(client.get(documents_page.download_url(statutes)))

    event = DocumentEvent.objects.get(document=statutes, kind=EventKind.DOWNLOADED)
    assert event.person is None
    assert event.version == statutes.versions.get()


def test_a_signed_in_members_download_is_in_the_journal_with_their_name(
        client, documents_page, statutes):
    person = MembershipFactory().person
    client.force_login(person)

    content(client.get(documents_page.download_url(statutes)))

    assert DocumentEvent.objects.get(kind=EventKind.DOWNLOADED).person == person


def test_an_older_version_is_served_by_its_own_address(client, documents_page, statutes):
    first = pdf_bytes("Statuts, première version")
    library.add_version(statutes, pdf_upload("statuts-v2.pdf", "Statuts révisés"), by=None,
                        note="Article 5 révisé")

    older = client.get(documents_page.download_url(statutes, number=1))
    current = client.get(documents_page.download_url(statutes))

    assert content(older) == first
    assert 'filename="statuts.pdf"' in older["Content-Disposition"]
    assert 'filename="statuts-v2.pdf"' in current["Content-Disposition"]


def test_the_page_links_the_older_versions(client, documents_page, statutes):
    library.add_version(statutes, pdf_upload("statuts-v2.pdf", "Statuts révisés"), by=None)

    text = client.get(documents_page.url).content.decode()

    assert f'href="{documents_page.download_url(statutes, number=1)}"' in text
    assert "Versions précédentes" in text


def test_a_version_that_does_not_exist_is_not_found(client, documents_page, statutes):
    assert client.get(documents_page.download_url(statutes, number=7)).status_code == 404


def test_a_members_only_document_is_not_found_on_the_public_addresses(
        client, documents_page, members_folder):
    internal = make_document(members_folder, title="Compte rendu du bureau")

    assert client.get(documents_page.download_url(internal)).status_code == 404
    assert client.get(documents_page.download_url(internal, number=1)).status_code == 404
    assert not DocumentEvent.objects.filter(kind=EventKind.DOWNLOADED).exists()


def test_a_members_only_document_is_not_found_for_a_member_either(
        client, documents_page, members_folder):
    """The public page serves public documents only; members use the library."""
    internal = make_document(members_folder)
    client.force_login(MembershipFactory().person)

    assert client.get(documents_page.download_url(internal)).status_code == 404


def test_a_binned_public_document_is_not_found(client, documents_page, statutes):
    library.move_to_bin(statutes, by=None)

    assert client.get(documents_page.download_url(statutes)).status_code == 404
    assert client.get(documents_page.download_url(statutes, number=1)).status_code == 404


def test_an_unknown_document_is_not_found(client, documents_page):
    assert client.get(documents_page.url + "999999/telecharger/").status_code == 404


def test_the_page_runs_the_same_queries_for_3_or_30_documents(
        client, documents_page, public_folder, django_assert_max_num_queries):
    reports = FolderFactory(name="Rapports annuels", audience=Audience.PUBLIC)
    for number in range(3):
        document = make_document(public_folder if number % 2 else reports,
                                 title=f"Document {number}")
    library.add_version(document, pdf_upload("v2.pdf"), by=None)
    client.get(documents_page.url)  # the site's caches are warm for both counts
    with django_assert_max_num_queries(12) as few:
        assert client.get(documents_page.url).status_code == 200

    for number in range(3, 30):
        document = make_document(public_folder if number % 2 else reports,
                                 title=f"Document {number}")
        library.add_version(document, pdf_upload("v2.pdf"), by=None)
    with django_assert_max_num_queries(len(few)) as many:
        response = client.get(documents_page.url)

    assert "Document 29" in response.content.decode()
    assert len(many) == len(few)


def test_the_english_page_lists_the_same_documents_marked_as_french(
        client, documents_page, statutes, english_home, english):
    page_en = documents_page.copy_for_translation(english)
    page_en.title = "The collective's documents"
    page_en.slug = "documents"
    page_en.save_revision().publish()
    page_en.refresh_from_db()

    response = client.get(page_en.url)
    download = client.get(page_en.download_url(statutes))

    assert response.status_code == 200
    text = response.content.decode()
    assert '<html lang="en">' in text
    assert "The collective&#x27;s documents" in text
    assert '<h3 class="card__title" lang="fr">Statuts du collectif</h3>' in text
    assert download.status_code == 200


def test_there_is_one_documents_page_per_parent(documents_page, home_page):
    assert not PublicDocumentsPage.can_create_at(home_page)


def test_a_slug_taken_by_another_part_of_the_site_is_refused(home_page):
    page = PublicDocumentsPage(title="Documents du collectif", slug="documents")

    with pytest.raises(ValidationError) as refused:
        page.clean()

    assert "documents-du-collectif" in str(refused.value.message_dict["slug"])
