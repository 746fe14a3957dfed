"""The page of the person's associations' posts and conversations."""

import pytest
from django.urls import reverse

from tests.factories.mutual_aid import PostFactory

pytestmark = pytest.mark.django_db

MINE = reverse("extranet:aid_mine")


def test_the_page_lists_the_associations_posts_current_and_archived_with_their_answers(
        client, poster, offer, conversation, neighbour):
    closed = PostFactory(association=neighbour, author=poster)
    closed.close()
    PostFactory()
    client.force_login(poster)

    response = client.get(MINE)

    posts = {post.title: post.conversation_count for post in response.context["posts"]}
    assert posts == {offer.title: 1, closed.title: 0}


def test_the_page_lists_the_conversations_the_association_opened(client, member,
                                                                 conversation):
    client.force_login(member)

    response = client.get(MINE)

    assert response.context["conversations"] == [conversation]
    assert list(response.context["posts"]) == []


def test_the_page_needs_the_same_queries_for_few_and_many_posts(
        client, poster, neighbour, django_assert_max_num_queries):
    PostFactory.create_batch(3, association=neighbour, author=poster)
    client.force_login(poster)
    client.get(MINE)
    with django_assert_max_num_queries(15) as few:
        client.get(MINE)
    PostFactory.create_batch(25, association=neighbour, author=poster)

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(MINE)
