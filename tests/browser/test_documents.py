"""The shared documents in Chromium with axe-core (WCAG 2.1 A and AA), on the demo content
(`seed_demo`): a member opens the library, a folder and a document, adds a new version and
downloads the older one again; the coordinator opens the bin and a journal; a visitor opens
the public page « Documents du collectif »."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_extranet import sign_in
from tests.browser.test_governance_pages import sign_in_as_coordinator
from tests.factories.documents import pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The demo's document of the working group « Plaidoyer auprès des élus », owned by the
# association of the demo representative (who signs in with `sign_in`).
DOCUMENT = "Fiche « Qu'est-ce qu'une association loi 1901 ? »"
FIRST_FILENAME = "fiche-association-loi-1901.pdf"


def first_version_bytes():
    from extranet.documents.models import DocumentVersion

    version = DocumentVersion.objects.get(document__title=DOCUMENT, number=1)
    with version.file.open("rb") as file:
        return file.read()


def test_a_member_adds_a_version_and_downloads_the_older_one(
        page, site_url, assert_accessible, tmp_path):
    new_version = tmp_path / "fiche-relue.pdf"
    new_version.write_bytes(pdf_bytes("Fiche relue par le groupe Plaidoyer"))
    sign_in(page, site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")

    page.get_by_role("navigation", name="Espace membres").get_by_role(
        "link", name="Documents", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents partagés")
    assert_accessible(page)
    page.get_by_role("region", name="Dossiers").get_by_role(
        "link", name="Groupes de travail", exact=True).click()
    page.get_by_role("region", name="Sous-dossiers").get_by_role(
        "link", name="Plaidoyer auprès des élus", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Plaidoyer auprès des élus")
    assert_accessible(page)
    page.locator("#main").get_by_role("link", name=DOCUMENT).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DOCUMENT)
    assert_accessible(page)

    page.get_by_role("link", name="Déposer une nouvelle version").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nouvelle version")
    assert_accessible(page)
    page.get_by_label("Nouvelle version du fichier").set_input_files(str(new_version))
    page.get_by_label("Ce qui change").fill("Relue par le groupe, exemples ajoutés.")
    page.get_by_role("button", name="Ajouter la version").click()

    expect(page.get_by_text("La version 2 est ajoutée")).to_be_visible()
    expect(page.get_by_role("link", name="fiche-relue.pdf")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=FIRST_FILENAME).click()
    download = download_info.value
    assert download.suggested_filename == FIRST_FILENAME
    with open(download.path(), "rb") as file:
        assert file.read() == first_version_bytes()


def test_the_add_document_form_is_accessible(page, site_url, assert_accessible):
    sign_in(page, site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")

    page.goto(site_url + "/extranet/documents/")
    page.get_by_role("link", name="Ajouter un document").click()

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_label("Dossier")).to_be_visible()
    assert_accessible(page)


def test_the_coordinator_opens_the_bin_and_a_journal(page, site_url, assert_accessible):
    sign_in_as_coordinator(page, site_url)

    page.goto(site_url + "/extranet/documents/")
    page.get_by_role("link", name="Corbeille").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Plaquette de présentation (première maquette)")
           ).to_be_visible()
    assert_accessible(page)
    page.goto(site_url + "/extranet/documents/")
    page.get_by_role("region", name="Dossiers").get_by_role(
        "link", name="Statuts et charte", exact=True).click()
    page.get_by_role("region", name="Documents", exact=True).get_by_role(
        "link", name="Statuts du collectif").click()
    page.get_by_role("link", name="Journal").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Statuts du collectif")
    expect(page.get_by_text("Téléchargé").first).to_be_visible()
    assert_accessible(page)


def test_a_visitor_opens_the_public_documents_page_and_downloads_the_statutes(
        page, site_url, assert_accessible):
    from extranet.documents.models import PublicDocumentsPage

    french = PublicDocumentsPage.objects.get(locale__language_code="fr")
    english = PublicDocumentsPage.objects.get(locale__language_code="en")

    response = page.goto(site_url + french.url)

    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents du collectif")
    expect(page.get_by_text("Feuille de route de la coordination")).to_have_count(0)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger « Statuts du collectif »").click()
    assert download_info.value.suggested_filename == "statuts-du-collectif-2026-09.pdf"

    response = page.goto(site_url + english.url)
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("The collective's documents")
    assert_accessible(page)
