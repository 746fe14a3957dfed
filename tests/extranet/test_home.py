"""The extranet's home: my tasks, the news of the network and of my groups, the next
meetings, my associations."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.groups.models import TaskStatus
from tests.factories import (
    CommentFactory,
    GroupMemberFactory,
    MeetingFactory,
    PostFactory,
    TaskFactory,
    WorkingGroupFactory,
)
from tests.factories.mutual_aid import PostFactory as AidPostFactory

pytestmark = pytest.mark.django_db
URL = reverse("extranet:home")


@pytest.fixture
def signed_in(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def my_group(member):
    return GroupMemberFactory(person=member).group


def test_home_shows_the_open_tasks_of_my_association(signed_in, association):
    mine = TaskFactory(responsible_association=association, title="Rédiger le guide")
    TaskFactory(responsible_association=association, status=TaskStatus.DONE)
    TaskFactory(title="La tâche d'une autre association")

    response = signed_in.get(URL)

    assert response.context["tasks"] == [mine]


def test_home_shows_the_tasks_given_to_me_in_another_association_s_name(signed_in, member):
    given = TaskFactory(assignee=member)

    assert signed_in.get(URL).context["tasks"] == [given]


def test_a_late_task_says_it_is_late(signed_in, association):
    TaskFactory(responsible_association=association,
                due_on=timezone.localdate() - datetime.timedelta(days=3))

    assert "en retard" in signed_in.get(URL).content.decode()


def test_home_shows_the_network_s_news_and_my_groups_news_only(signed_in, my_group):
    network = PostFactory(title="Pour tout le réseau")
    ours = PostFactory(group=my_group, title="Pour mon groupe")
    PostFactory(group=WorkingGroupFactory(), title="Pour un autre groupe")

    news = signed_in.get(URL).context["news"]

    assert set(news) == {network, ours}


def test_a_pinned_post_comes_first_on_home(signed_in):
    PostFactory(title="Récente")
    pinned = PostFactory(pinned=True, published_at=timezone.now() - datetime.timedelta(days=9))

    assert signed_in.get(URL).context["news"][0] == pinned


def test_a_withdrawn_post_is_not_on_home(signed_in):
    PostFactory(removed_at=timezone.now())

    assert signed_in.get(URL).context["news"] == []


def test_home_counts_the_visible_comments_of_each_post(signed_in):
    post = PostFactory()
    CommentFactory(post=post)
    CommentFactory(post=post, removed_at=timezone.now())

    assert signed_in.get(URL).context["news"][0].comment_count == 1


def test_home_shows_the_next_meetings_of_the_network_and_of_my_groups(signed_in, my_group):
    network = MeetingFactory(group=None, title="Assemblée du réseau")
    ours = MeetingFactory(group=my_group)
    MeetingFactory(group=WorkingGroupFactory())
    MeetingFactory(group=None, starts_at=timezone.now() - datetime.timedelta(days=2),
                   ends_at=timezone.now() - datetime.timedelta(days=2, hours=-2))
    MeetingFactory(group=None, cancelled_at=timezone.now())

    assert set(signed_in.get(URL).context["meetings"]) == {network, ours}


def fill(count, group, association):
    for number in range(count):
        post = PostFactory(group=group if number % 2 else None, title=f"Actualité {number}")
        CommentFactory(post=post)
        TaskFactory(responsible_association=association)
        MeetingFactory(group=group)
        AidPostFactory()


def test_home_reads_as_many_queries_with_50_posts_as_with_5(
    client, member, my_group, association, django_assert_max_num_queries
):
    client.force_login(member)
    fill(5, my_group, association)
    # Each block a few queries; the latest documents two (the folders one reads, the list);
    # the unpaid dues and the mutual aid posts one each.
    with django_assert_max_num_queries(24) as few:
        client.get(URL)
    fill(45, my_group, association)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)

    assert len(response.context["news"]) == 8
