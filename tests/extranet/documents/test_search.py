"""Finding documents (/extranet/documents/?q=…): by title, description, tag and the words
inside their files (PDF, OpenDocument, text), with filters by folder, format, owner
association and dates; never a document the person may not read, nor one in the bin."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from extranet.documents.models import Audience
from tests.extranet.documents.library_helpers import odt_upload, signed_in, txt_upload
from tests.factories import AssociationFactory, GroupMemberFactory, WorkingGroupFactory
from tests.factories.documents import FolderFactory, make_document, pdf_upload

pytestmark = pytest.mark.django_db

LIBRARY = reverse("extranet:library")


@pytest.fixture
def folder(db):
    return FolderFactory(name="Ressources")


@pytest.fixture
def searching(client, member):
    return signed_in(client, member)


def found(client, **params):
    response = client.get(LIBRARY, params)
    assert response.status_code == 200
    return list(response.context["results"])


def read_in_background(capture, **kwargs):
    """A document whose text the background task has read, as after the upload's commit."""
    with capture(execute=True):
        return make_document(**kwargs)


# What is searched.

def test_a_word_inside_a_pdf_finds_its_document(searching, folder,
                                                django_capture_on_commit_callbacks):
    document = read_in_background(
        django_capture_on_commit_callbacks, folder=folder, title="Compte rendu",
        upload=pdf_upload("cr.pdf", "La permanence juridique ouvre en janvier"))
    make_document(folder=folder, title="Autre chose")

    assert found(searching, q="juridique") == [document]


def test_a_word_inside_an_opendocument_text_finds_its_document(
        searching, folder, django_capture_on_commit_callbacks):
    document = read_in_background(
        django_capture_on_commit_callbacks, folder=folder, title="Notes",
        upload=odt_upload("notes.odt", "Le covoiturage solidaire du mardi"))

    assert found(searching, q="covoiturage") == [document]


def test_a_word_inside_a_text_file_finds_its_document(searching, folder,
                                                      django_capture_on_commit_callbacks):
    document = read_in_background(
        django_capture_on_commit_callbacks, folder=folder, title="Liste",
        upload=txt_upload("liste.txt", "Inventaire de la ressourcerie"))

    assert found(searching, q="ressourcerie") == [document]


def test_the_words_of_an_older_version_no_longer_find_the_document(
        searching, folder, member, django_capture_on_commit_callbacks):
    document = read_in_background(
        django_capture_on_commit_callbacks, folder=folder, title="Budget",
        upload=txt_upload("budget.txt", "Prévisionnel provisoire"))
    with django_capture_on_commit_callbacks(execute=True):
        library.add_version(document, txt_upload("budget.txt", "Budget voté"), member)

    assert found(searching, q="provisoire") == []
    assert found(searching, q="voté") == [document]


def test_the_title_finds_the_document(searching, folder):
    document = make_document(folder=folder, title="Charte du bénévolat")
    make_document(folder=folder, title="Autre chose")

    assert found(searching, q="bénévolat") == [document]


def test_the_description_finds_the_document(searching, folder):
    document = make_document(folder=folder, title="Guide",
                             description="Pour accueillir les nouveaux adhérents")
    make_document(folder=folder, title="Autre chose")

    assert found(searching, q="adhérents") == [document]


def test_a_tag_finds_the_document(searching, folder):
    document = make_document(folder=folder, title="Dossier de demande",
                             tags=["subvention"])
    make_document(folder=folder, title="Autre chose")

    assert found(searching, q="subvention") == [document]


def test_a_tag_added_on_the_document_s_page_finds_it(searching, folder, member, association):
    document = make_document(folder=folder, title="Dossier de demande",
                             owner_association=association)

    searching.post(reverse("extranet:document_edit", args=[document.pk]), {
        "folder": folder.pk, "title": "Dossier de demande", "description": "",
        "tags": "fonjep"})

    assert found(searching, q="fonjep") == [document]


def test_a_retitled_document_is_found_by_its_new_title(searching, folder, member, association):
    document = make_document(folder=folder, title="Brouillon",
                             owner_association=association)

    searching.post(reverse("extranet:document_edit", args=[document.pk]), {
        "folder": folder.pk, "title": "Rapport d'activité", "description": "", "tags": ""})

    assert found(searching, q="activité") == [document]
    assert found(searching, q="Brouillon") == []


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="French stemming is PostgreSQL's full-text search (SQLite matches "
                           "words as they are)")
def test_the_plural_finds_the_singular_on_postgresql(searching, folder):
    document = make_document(folder=folder, title="Statuts de l'association")

    assert found(searching, q="associations") == [document]


# What is never found.

def test_the_search_never_finds_a_document_of_a_folder_the_person_cannot_read(
        searching, folder):
    coordination = FolderFactory(name="Coordination", audience=Audience.COORDINATORS)
    group_folder = FolderFactory(name="Groupe", audience=Audience.GROUP,
                                 group=WorkingGroupFactory())
    under_closed = FolderFactory(name="Sous-dossier ouvert", parent=coordination)
    for closed in (coordination, group_folder, under_closed):
        make_document(folder=closed, title=f"Budget confidentiel {closed.name}")
    readable = make_document(folder=folder, title="Budget public")

    assert found(searching, q="Budget") == [readable]


def test_the_people_of_a_group_find_its_documents(searching, member):
    group = GroupMemberFactory(person=member).group
    document = make_document(
        folder=FolderFactory(audience=Audience.GROUP, group=group), title="Budget du groupe")

    assert found(searching, q="Budget") == [document]


def test_a_coordinator_finds_the_documents_of_every_folder(client, coordinator):
    documents = {make_document(folder=FolderFactory(audience=audience), title="Budget")
                 for audience in (Audience.MEMBERS, Audience.COORDINATORS)}

    assert set(found(signed_in(client, coordinator), q="Budget")) == documents


def test_the_search_never_finds_a_binned_document(client, coordinator, folder):
    document = make_document(folder=folder, title="Budget ancien")
    library.move_to_bin(document, coordinator)

    assert found(signed_in(client, coordinator), q="Budget") == []


def test_the_folder_filter_never_opens_a_folder_the_person_cannot_read(searching):
    closed = FolderFactory(audience=Audience.COORDINATORS)
    make_document(folder=closed, title="Budget confidentiel")

    response = searching.get(LIBRARY, {"dossier": closed.pk})

    assert "results" not in response.context
    assert "Budget confidentiel" not in response.text


# The filters.

def test_the_folder_filter_keeps_the_documents_of_that_folder(searching, folder):
    other = FolderFactory(name="Autres")
    document = make_document(folder=folder, title="Budget")
    make_document(folder=other, title="Budget")

    assert found(searching, q="Budget", dossier=folder.pk) == [document]
    assert found(searching, dossier=folder.pk) == [document]


def test_the_format_filter_keeps_the_documents_of_that_format(searching, folder):
    pdf = make_document(folder=folder, title="En PDF")
    odt = make_document(folder=folder, title="En ODT", upload=odt_upload("texte.odt"))
    text = make_document(folder=folder, title="En texte", upload=txt_upload("texte.txt"))

    assert found(searching, format="pdf") == [pdf]
    assert found(searching, format="opendocument") == [odt]
    assert found(searching, format="text") == [text]
    assert found(searching, format="image") == []


def test_the_format_filter_follows_the_latest_version(searching, folder, member):
    document = make_document(folder=folder, title="Devenu ODT")
    library.add_version(document, odt_upload("v2.odt"), member)

    assert found(searching, format="opendocument") == [document]
    assert found(searching, format="pdf") == []


def test_the_association_filter_keeps_the_documents_it_owns(searching, folder, association):
    ours = make_document(folder=folder, title="Le nôtre", owner_association=association)
    make_document(folder=folder, title="Le leur",
                  owner_association=AssociationFactory(is_member=True))

    assert found(searching, association=association.pk) == [ours]


def test_the_association_filter_offers_only_the_owners_of_documents_one_reads(searching,
                                                                              folder):
    shown = make_document(folder=folder).owner_association
    hidden = make_document(folder=FolderFactory(audience=Audience.COORDINATORS)
                           ).owner_association

    offered = list(searching.get(LIBRARY).context["form"].fields["association"].queryset)

    assert offered == [shown]
    assert hidden not in offered


def test_the_date_filters_keep_the_documents_updated_between_them(searching, folder):
    now = timezone.now()
    for days_ago, title in ((40, "Ancien"), (10, "Récent"), (1, "Hier")):
        with time_machine.travel(now - datetime.timedelta(days=days_ago), tick=False):
            make_document(folder=folder, title=title)
    today = timezone.localdate()

    def titles(**dates):
        return [document.title for document in found(searching, **dates)]

    assert titles(depuis=today - datetime.timedelta(days=15)) == ["Hier", "Récent"]
    assert titles(jusqu_au=today - datetime.timedelta(days=10)) == ["Récent", "Ancien"]
    assert titles(depuis=today - datetime.timedelta(days=15),
                  jusqu_au=today - datetime.timedelta(days=5)) == ["Récent"]


def test_filters_combine_with_the_words(searching, folder, association):
    wanted = make_document(folder=folder, title="Budget", owner_association=association)
    make_document(folder=folder, title="Budget")
    make_document(folder=folder, title="Affiche", owner_association=association)

    assert found(searching, q="Budget", association=association.pk, format="pdf") == [wanted]


def test_an_invalid_filter_is_ignored(searching, folder):
    document = make_document(folder=folder, title="Budget")

    assert found(searching, q="Budget", depuis="pas une date", format="exe") == [document]


def test_the_results_keep_their_filters_in_the_pages_links(searching, folder):
    for index in range(26):
        make_document(folder=folder, title=f"Budget {index}")

    response = searching.get(LIBRARY, {"q": "Budget", "format": "pdf"})

    assert response.context["results"].paginator.count == 26
    assert "q=Budget&amp;format=pdf&amp;page=2" in response.text or (
        "format=pdf&amp;q=Budget&amp;page=2" in response.text)


# Queries, for a few documents and for many.

def pages(folder):
    return {
        "library": (LIBRARY, {}),
        "folder": (reverse("extranet:folder_detail", args=[folder.pk]), {}),
        "search": (LIBRARY, {"q": "Compte"}),
        "filtered search": (LIBRARY, {"q": "Compte", "format": "pdf"}),
        "home": (reverse("extranet:home"), {}),
    }


def add_documents(folder, count):
    for index in range(count):
        make_document(folder=folder, title=f"Compte rendu {index}",
                      description="Réunion du bureau", tags=["bureau", f"n{index}"])


@pytest.mark.parametrize("page", ["library", "folder", "search", "filtered search", "home"])
def test_a_page_of_the_library_runs_as_many_queries_for_40_documents_as_for_5(
        searching, folder, page, django_assert_max_num_queries):
    url, params = pages(folder)[page]
    add_documents(folder, 5)
    searching.get(url, params)
    with CaptureQueriesContext(connection) as few:
        assert searching.get(url, params).status_code == 200
    add_documents(folder, 35)

    with django_assert_max_num_queries(len(few)):
        response = searching.get(url, params)

    assert response.status_code == 200
