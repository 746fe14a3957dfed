"""Members comment on posts; authors withdraw their comments, coordinators anybody's; a
withdrawn comment is kept but no longer shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from extranet.news import services
from extranet.news.models import Comment
from tests.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def withdraw_url(comment):
    return reverse("extranet:comment_withdraw", kwargs={"comment_id": comment.pk})


def test_a_member_comments_on_a_post(client, member):
    post = PostFactory()
    client.force_login(member)

    response = client.post(post.get_absolute_url(), {"body": "Nous serons là !"})

    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.post, comment.author, comment.body) == (post, member, "Nous serons là !")
    assert "Nous serons là !" in client.get(post.get_absolute_url()).text


def test_an_empty_comment_is_refused(client, member):
    post = PostFactory()
    client.force_login(member)

    response = client.post(post.get_absolute_url(), {"body": "   "})

    assert response.status_code == 200
    assert "body" in response.context["form"].errors
    assert not Comment.objects.exists()


def test_a_withdrawn_post_takes_no_comment(client, member):
    post = PostFactory()
    services.withdraw_post(post, by=post.author)
    client.force_login(member)

    response = client.post(post.get_absolute_url(), {"body": "Trop tard ?"})

    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_member_withdraws_their_own_comment_which_is_kept(client, member):
    comment = CommentFactory(author=member)
    client.force_login(member)

    response = client.post(withdraw_url(comment))

    comment.refresh_from_db()
    assert response.status_code == 302
    assert (comment.removed_by, comment.removed_at is not None) == (member, True)


def test_a_withdrawn_comment_is_no_longer_shown(client, member):
    comment = CommentFactory(author=member, body="Je retire ce que j'ai dit")
    client.force_login(member)

    client.post(withdraw_url(comment))

    assert "Je retire ce que j" not in client.get(comment.post.get_absolute_url()).text


def test_a_member_cannot_withdraw_somebody_elses_comment(client, member):
    comment = CommentFactory()
    client.force_login(member)

    response = client.post(withdraw_url(comment))

    comment.refresh_from_db()
    assert response.status_code == 403
    assert comment.removed_at is None


def test_a_member_is_offered_to_withdraw_only_their_own_comments(client, member):
    mine = CommentFactory(author=member)
    other = CommentFactory(post=mine.post)
    client.force_login(member)

    response = client.get(mine.post.get_absolute_url())

    assert withdraw_url(mine) in response.text
    assert withdraw_url(other) not in response.text


def test_a_coordinator_withdraws_anybodys_comment(client, coordinator):
    comment = CommentFactory()
    client.force_login(coordinator)

    client.post(withdraw_url(comment))

    comment.refresh_from_db()
    assert comment.removed_by == coordinator


def test_a_post_runs_as_many_queries_for_thirty_comments_as_for_three(
    client, member, django_assert_max_num_queries
):
    post = PostFactory()
    CommentFactory.create_batch(3, post=post)
    client.force_login(member)
    client.get(post.get_absolute_url())  # the site's settings are made at the first request
    with CaptureQueriesContext(connection) as three:
        client.get(post.get_absolute_url())
    CommentFactory.create_batch(27, post=post)

    with django_assert_max_num_queries(len(three.captured_queries)):
        response = client.get(post.get_absolute_url())

    assert len(response.context["comments"]) == 30
