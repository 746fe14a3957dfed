"""The list of working groups and a group's page: what they show, in a bounded number of
queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.groups.models import TaskStatus
from tests.factories import (
    GroupMemberFactory,
    MeetingFactory,
    MembershipFactory,
    TaskFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("extranet:group_list")


def detail_url(group):
    return reverse("extranet:group_detail", kwargs={"group_slug": group.slug})


@pytest.fixture
def group(association):
    return WorkingGroupFactory(name="Accès aux droits", lead_association=association,
                               description="Recenser les permanences d'accès aux droits.")


def busy_group():
    """A group with two participants, two open tasks, a done one and a meeting to come."""
    group = WorkingGroupFactory()
    for _index in range(2):
        GroupMemberFactory(group=group, person=MembershipFactory().person)
        TaskFactory(group=group)
    TaskFactory(group=group, status=TaskStatus.DONE)
    MeetingFactory(group=group)
    return group


def queries_of(client, url):
    client.get(url)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_list_shows_each_group_with_its_figures(client, member):
    group = busy_group()
    client.force_login(member)

    response = client.get(LIST_URL)

    row = response.text.split(group.name)[1].split("</tr>")[0]
    assert group.lead_association.name in row
    assert [cell.split("<")[0] for cell in row.split('class="number">')[1:]] == ["2", "2"]
    assert "aucune de prévue" not in row


def test_my_groups_are_marked_in_the_list(client, member, group):
    other = WorkingGroupFactory(name="Jardins solidaires")
    GroupMemberFactory(group=group, person=member)
    client.force_login(member)

    response = client.get(LIST_URL)

    rows = {name: response.text.split(name)[1].split("</tr>")[0]
            for name in (group.name, other.name)}
    assert "vous y participez" in rows[group.name]
    assert "vous y participez" not in rows[other.name]


def test_archived_groups_are_listed_apart(client, member, group):
    WorkingGroupFactory(name="Collecte d'hiver 2024", archived_on=datetime.date(2025, 4, 1))
    client.force_login(member)

    response = client.get(LIST_URL)

    active, archived = response.text.split("Groupes archivés")
    assert group.name in active and "Collecte d&#x27;hiver 2024" not in active
    assert "Collecte d&#x27;hiver 2024" in archived


def test_the_list_runs_as_many_queries_for_thirty_groups_as_for_three(
    client, member, django_assert_max_num_queries
):
    for _index in range(3):
        busy_group()
    client.force_login(member)
    few = queries_of(client, LIST_URL)
    for _index in range(27):
        busy_group()

    with django_assert_max_num_queries(few):
        response = client.get(LIST_URL)

    assert response.text.count('<th scope="row">') == 30


def test_the_group_page_names_participants_and_the_associations_they_act_for(
    client, member, group, association
):
    person = MembershipFactory(association=association, person__first_name="Nadia",
                               person__last_name="Benali").person
    GroupMemberFactory(group=group, person=person)
    client.force_login(member)

    response = client.get(detail_url(group))

    participants = response.text.split('id="participants"')[1].split("</section>")[0]
    assert "Nadia Benali" in participants
    assert association.name in participants
    assert person.email not in response.text


def test_people_who_left_are_not_among_the_participants(client, member, group):
    person = MembershipFactory(person__first_name="Paul", person__last_name="Martin").person
    GroupMemberFactory(group=group, person=person, left_on=timezone.localdate())
    client.force_login(member)

    response = client.get(detail_url(group))

    assert "Paul Martin" not in response.text


def test_a_late_task_is_flagged_in_words(client, member, group):
    TaskFactory(group=group, title="Relancer la mairie",
                due_on=timezone.localdate() - datetime.timedelta(days=1))
    TaskFactory(group=group, title="Préparer l'affiche")
    client.force_login(member)

    response = client.get(detail_url(group))

    late = response.text.split("Relancer la mairie")[0].rsplit("<tr", 1)[1]
    on_time = response.text.split("Préparer l&#x27;affiche")[1].split("</tr>")[0]
    assert 'class="task--late"' in late
    assert "en retard" in response.text.split("Relancer la mairie")[1].split("</tr>")[0]
    assert "en retard" not in on_time


def test_a_finished_task_is_never_late(client, member, group):
    TaskFactory(group=group, status=TaskStatus.DONE,
                due_on=timezone.localdate() - datetime.timedelta(days=10))
    client.force_login(member)

    response = client.get(detail_url(group))

    assert "en retard" not in response.text


def test_the_group_page_runs_the_same_queries_whatever_its_size(
    client, member, association, django_assert_max_num_queries
):
    small = WorkingGroupFactory(lead_association=association)
    GroupMemberFactory(group=small, person=MembershipFactory().person)
    TaskFactory(group=small)
    MeetingFactory(group=small)
    big = WorkingGroupFactory(lead_association=association)
    for _index in range(15):
        GroupMemberFactory(group=big, person=MembershipFactory().person)
        TaskFactory(group=big, assignee=MembershipFactory(association=association).person)
        MeetingFactory(group=big)
        MeetingFactory(group=big, starts_at=timezone.now() - datetime.timedelta(days=30))
    client.force_login(member)
    few = queries_of(client, detail_url(small))

    with django_assert_max_num_queries(few):
        client.get(detail_url(big))


def test_an_unknown_group_is_not_found(client, member):
    client.force_login(member)

    response = client.get(reverse("extranet:group_detail", kwargs={"group_slug": "inconnu"}))

    assert response.status_code == 404


def test_the_menu_leads_to_the_groups_and_the_meetings(client, member):
    client.force_login(member)

    response = client.get(LIST_URL)

    nav = response.text.split('class="extranet-nav"')[1].split("</nav>")[0]
    assert f'href="{LIST_URL}" aria-current="page"' in nav
    assert f'href="{reverse("extranet:meeting_list")}"' in nav
