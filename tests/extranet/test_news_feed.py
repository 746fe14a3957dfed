"""The feed of the network's news: pinned posts first, then the newest; by category and by
group; paginated; a bounded number of queries whatever the number of posts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.news import services
from extranet.news.views import POSTS_PER_PAGE
from tests.factories import (
    CategoryFactory,
    CommentFactory,
    MembershipFactory,
    PostFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

FEED_URL = reverse("extranet:news_list")


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def titles(response):
    return [post.title for post in response.context["posts"]]


def test_the_feed_shows_pinned_posts_first_then_the_newest(client, member):
    PostFactory(title="Ancienne", published_at=days_ago(10))
    PostFactory(title="Récente", published_at=days_ago(1))
    PostFactory(title="Épinglée", published_at=days_ago(30), pinned=True)
    client.force_login(member)

    response = client.get(FEED_URL)

    assert titles(response) == ["Épinglée", "Récente", "Ancienne"]


def test_a_withdrawn_post_leaves_the_feed(client, member):
    post = PostFactory(title="Annonce retirée")
    PostFactory(title="Annonce maintenue")
    services.withdraw_post(post, by=post.author)
    client.force_login(member)

    assert titles(client.get(FEED_URL)) == ["Annonce maintenue"]


def test_the_feed_filters_by_category(client, member):
    training = CategoryFactory(name="Formations", slug="formations")
    PostFactory(title="Formation comptabilité", category=training)
    PostFactory(title="Autre chose")
    client.force_login(member)

    response = client.get(FEED_URL, {"categorie": "formations"})

    assert titles(response) == ["Formation comptabilité"]


def test_the_feed_filters_by_group(client, member):
    group = WorkingGroupFactory(name="Accès aux droits")
    PostFactory(title="Pour le groupe", group=group)
    PostFactory(title="Pour tout le réseau")
    client.force_login(member)

    response = client.get(FEED_URL, {"groupe": group.slug})

    assert titles(response) == ["Pour le groupe"]


def test_an_unknown_filter_is_said_and_shows_everything(client, member):
    PostFactory(title="Une actualité")
    client.force_login(member)

    response = client.get(FEED_URL, {"categorie": "n-existe-pas"})

    assert titles(response) == ["Une actualité"]
    assert "categorie" in response.context["filters"].errors


def test_the_feed_is_paginated_and_its_links_keep_the_filters(client, member):
    category = CategoryFactory(slug="vie-du-reseau")
    PostFactory.create_batch(POSTS_PER_PAGE + 1, category=category)
    client.force_login(member)

    response = client.get(FEED_URL, {"categorie": "vie-du-reseau"})

    assert len(response.context["posts"]) == POSTS_PER_PAGE
    assert "?categorie=vie-du-reseau&amp;page=2" in response.text


def test_each_post_shows_its_author_association_and_its_counts(client, member, association):
    author = MembershipFactory(association=association).person
    post = PostFactory(author=author, association=association)
    CommentFactory.create_batch(2, post=post)
    services.withdraw_comment(CommentFactory(post=post), by=member)
    client.force_login(member)

    response = client.get(FEED_URL)

    item = response.context["posts"][0]
    assert (item.comment_count, item.attachment_count) == (2, 0)
    assert f"Par {author.get_full_name()} ({association.name})" in response.text
    assert "Commentaires : 2" in response.text


def make_posts(count):
    """Posts that each have their own category, group, author, association, comment and
    attachment (what would cost a query per post if it were read one by one)."""
    for _n in range(count):
        post = PostFactory(category=CategoryFactory(), group=WorkingGroupFactory(),
                           association=MembershipFactory().association)
        CommentFactory(post=post)
        services.attach(post, [SimpleUploadedFile("annexe.pdf", b"%PDF-1.7\n")])


def test_the_feed_runs_as_many_queries_for_fifty_posts_as_for_five(
    client, member, django_assert_max_num_queries
):
    make_posts(5)
    client.force_login(member)
    client.get(FEED_URL)  # the site's settings are made at the first request
    with CaptureQueriesContext(connection) as five:
        client.get(FEED_URL)
    make_posts(45)

    with django_assert_max_num_queries(len(five.captured_queries)):
        response = client.get(FEED_URL)

    assert len(response.context["posts"]) == POSTS_PER_PAGE


def test_a_member_is_invited_to_post(client, member):
    client.force_login(member)

    assert reverse("extranet:post_create") in client.get(FEED_URL).text


def test_the_menu_leads_to_the_news(client, member):
    client.force_login(member)

    response = client.get(reverse("extranet:home"))

    assert f'href="{FEED_URL}"' in response.text
