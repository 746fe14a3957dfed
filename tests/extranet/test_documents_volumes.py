"""The library at volume: what benchmarks/documents.py measures, held by tests (queries that
do not grow with the documents, lists that leave the files' text alone, the indexes)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.documents import library, search
from extranet.documents.forms import SearchForm
from extranet.documents.models import Audience
from tests.factories import AssociationFactory, FolderFactory, make_document

LIBRARY_URL = reverse("extranet:library")


def constraints_of(table):
    with connection.cursor() as cursor:
        return connection.introspection.get_constraints(cursor, table)


def test_the_library_home_runs_as_many_queries_for_ten_associations_documents_as_for_one(
    client, member, django_assert_max_num_queries
):
    folder = FolderFactory()
    make_document(folder=folder)
    client.force_login(member)
    client.get(LIBRARY_URL)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as one:
        client.get(LIBRARY_URL)
    for number in range(9):
        make_document(folder=folder, title=f"Rapport numéro {number}",
                      owner_association=AssociationFactory(is_member=True))

    with django_assert_max_num_queries(len(one)):
        response = client.get(LIBRARY_URL)

    assert response.text.count("Rapport numéro ") == 9


def test_the_search_offers_only_the_associations_owning_a_live_document_the_member_reads(
    member, coordinator
):
    shown, hidden, binned = (AssociationFactory(is_member=True, name=name)
                             for name in ("Visible", "Réservée", "À la corbeille"))
    make_document(folder=FolderFactory(), owner_association=shown)
    make_document(folder=FolderFactory(audience=Audience.COORDINATORS), owner_association=hidden)
    document = make_document(folder=FolderFactory(), owner_association=binned)
    library.move_to_bin(document, coordinator)

    form = SearchForm(None, user=member)

    assert list(form.fields["association"].queryset) == [shown]


def test_the_latest_documents_are_listed_without_the_text_of_their_files(member):
    make_document(folder=FolderFactory())

    (document,) = search.recent_for(member)

    assert "text" in document.get_deferred_fields()


def test_the_documents_found_are_listed_without_the_text_of_their_files(member):
    make_document(folder=FolderFactory(), title="Statuts du collectif")

    (document,) = search.find(member, SearchForm({"q": "statuts"}, user=member))

    assert "text" in document.get_deferred_fields()


def test_the_latest_documents_are_read_along_an_index(db):
    assert "documents_latest_idx" in constraints_of("documents_document")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search only")
def test_postgresql_finds_the_words_of_a_search_through_an_index(db):
    assert "wagtailsearch_indexentry_title_body_gin" in constraints_of("wagtailsearch_indexentry")
