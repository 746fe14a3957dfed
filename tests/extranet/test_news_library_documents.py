"""A news post cites documents of the library: its writer chooses among the live documents
they read; each reader is shown those they read, the others only counted, binned ones not
at all; the feed and the post's page do not run more queries for more documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.documents import library
from extranet.documents.models import Audience
from extranet.news.models import Post
from tests.factories import (
    FolderFactory,
    GroupMemberFactory,
    PostFactory,
    WorkingGroupFactory,
    make_document,
)

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("extranet:post_create")
FEED_URL = reverse("extranet:news_list")


@pytest.fixture
def statutes(db):
    return make_document(FolderFactory(name="Statuts"), title="Statuts du collectif")


@pytest.fixture
def group_minutes(db):
    """A document of a working group's folder: its participants read it."""
    group = WorkingGroupFactory(name="Accès aux droits")
    folder = FolderFactory(name="Groupe accès aux droits", audience=Audience.GROUP,
                           group=group)
    return make_document(folder, title="Compte rendu du groupe")


def post_data(speaking_for, **changes):
    return {"title": "Les statuts sont adoptés", "body": "Les voici.", "category": "",
            "group": "", "association": speaking_for.pk, **changes}


def edit_url(post):
    return reverse("extranet:post_edit", kwargs={"post_id": post.pk})


def queries_of(client, address):
    client.get(address)  # Warm the site's settings and caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def test_a_member_cites_a_library_document_in_a_post(client, member, association, statutes):
    client.force_login(member)

    client.post(CREATE_URL, post_data(association, library_documents=[statutes.pk]))

    assert list(Post.objects.get().library_documents.all()) == [statutes]


def test_a_participant_cites_a_document_of_their_groups_folder(client, member, association,
                                                               group_minutes):
    GroupMemberFactory(group=group_minutes.folder.group, person=member)
    client.force_login(member)

    client.post(CREATE_URL, post_data(association, library_documents=[group_minutes.pk]))

    assert list(Post.objects.get().library_documents.all()) == [group_minutes]


def test_a_document_the_member_does_not_read_is_refused_even_by_its_id(
    client, member, association, group_minutes,
):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(
        association, library_documents=[group_minutes.pk]))

    assert "library_documents" in response.context["form"].errors
    assert not Post.objects.exists()


def test_the_form_offers_only_the_documents_the_member_reads(client, member, statutes,
                                                             group_minutes):
    client.force_login(member)

    page = client.get(CREATE_URL).text

    assert '<optgroup label="Statuts">' in page
    assert f'<option value="{statutes.pk}">Statuts du collectif</option>' in page
    assert "Compte rendu du groupe" not in page


def test_the_edit_form_shows_the_cited_documents_selected(client, member, association,
                                                          statutes):
    post = PostFactory(author=member, association=association)
    post.library_documents.add(statutes)
    client.force_login(member)

    page = client.get(edit_url(post)).text

    assert f'<option value="{statutes.pk}" selected>Statuts du collectif</option>' in page


def test_editing_changes_the_cited_documents_and_keeps_those_the_editor_does_not_read(
    client, member, association, statutes, group_minutes,
):
    charter = make_document(statutes.folder, title="Charte")
    post = PostFactory(author=member, association=association)
    post.library_documents.add(statutes, group_minutes)
    client.force_login(member)

    client.post(edit_url(post), post_data(association, library_documents=[charter.pk]))

    assert set(post.library_documents.all()) == {charter, group_minutes}


def test_a_reader_sees_the_documents_they_read_with_their_links_and_counts_the_rest(
    client, member, statutes, group_minutes,
):
    post = PostFactory()
    post.library_documents.add(statutes, group_minutes)
    client.force_login(member)

    page = client.get(post.get_absolute_url()).text

    assert reverse("extranet:document_detail", args=[statutes.pk]) in page
    assert reverse("extranet:document_download", args=[statutes.pk]) in page
    assert "Compte rendu du groupe" not in page
    assert "1 document réservé à d'autres lecteurs." in page


def test_a_participant_of_the_group_reads_its_document_from_the_post(client, member,
                                                                     group_minutes):
    GroupMemberFactory(group=group_minutes.folder.group, person=member)
    post = PostFactory()
    post.library_documents.add(group_minutes)
    client.force_login(member)

    page = client.get(post.get_absolute_url()).text

    assert "Compte rendu du groupe" in page and "réservé" not in page


def test_a_binned_document_vanishes_from_the_post(client, member, coordinator, statutes):
    post = PostFactory()
    post.library_documents.add(statutes)
    library.move_to_bin(statutes, by=coordinator)
    client.force_login(member)

    page = client.get(post.get_absolute_url()).text

    assert "Statuts du collectif" not in page
    assert "Documents de la bibliothèque" not in page


def test_the_post_page_runs_as_many_queries_for_ten_documents_as_for_one(
    client, member, statutes, django_assert_max_num_queries,
):
    post = PostFactory()
    post.library_documents.add(statutes)
    client.force_login(member)
    one = queries_of(client, post.get_absolute_url())
    post.library_documents.add(*[make_document(statutes.folder, title=f"Annexe {n}")
                                 for n in range(9)])

    with django_assert_max_num_queries(one):
        response = client.get(post.get_absolute_url())

    assert len(response.context["library"].readable) == 10


def test_the_feed_does_not_grow_with_cited_documents(client, member, statutes,
                                                     django_assert_max_num_queries):
    posts = PostFactory.create_batch(3)
    client.force_login(member)
    bare = queries_of(client, FEED_URL)
    for post in posts:
        post.library_documents.add(statutes, make_document(statutes.folder))

    with django_assert_max_num_queries(bare):
        client.get(FEED_URL)
