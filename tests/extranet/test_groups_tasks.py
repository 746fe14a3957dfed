"""A group's tasks: its lead association's people add and change them; the responsible
association's people move their status, and nothing else; tasks are never deleted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.groups.models import Task, TaskStatus
from tests.factories import (
    AssociationFactory,
    MembershipFactory,
    TaskFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(association):
    """Led by the association of the `member` and `representative` fixtures."""
    return WorkingGroupFactory(name="Accès aux droits", lead_association=association)


@pytest.fixture
def neighbour_member(neighbour):
    return MembershipFactory(association=neighbour).person


def create_url(group):
    return reverse("extranet:task_create", kwargs={"group_slug": group.slug})


def edit_url(task):
    return reverse("extranet:task_edit", kwargs={"task_id": task.pk})


def task_data(association, **changes):
    return {"title": "Recenser les permanences", "description": "",
            "responsible_association": association.pk, "assignee": "",
            "due_on": "2026-06-30", **changes}


def test_a_person_of_the_lead_association_adds_a_task(client, member, group, neighbour):
    client.force_login(member)

    response = client.post(create_url(group), task_data(neighbour))

    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.group, task.responsible_association) == (group, neighbour)
    assert (task.status, task.created_by) == (TaskStatus.TODO, member)


def test_a_coordinator_adds_a_task_to_any_group(client, coordinator, group, association):
    client.force_login(coordinator)

    client.post(create_url(group), task_data(association))

    assert Task.objects.get().created_by == coordinator


def test_a_member_of_another_association_cannot_add_a_task(
    client, neighbour_member, group, neighbour
):
    client.force_login(neighbour_member)

    response = client.post(create_url(group), task_data(neighbour))

    assert response.status_code == 403
    assert not Task.objects.exists()


def test_a_task_cannot_be_added_to_an_archived_group(client, coordinator, group, association):
    group.archived_on = timezone.localdate()
    group.save()
    client.force_login(coordinator)

    response = client.post(create_url(group), task_data(association))

    assert response.status_code == 403
    assert not Task.objects.exists()


def test_a_person_who_does_not_act_for_the_responsible_association_is_refused(
    client, member, group, association, neighbour_member
):
    client.force_login(member)

    response = client.post(create_url(group), task_data(association,
                                                        assignee=neighbour_member.pk))

    assert response.status_code == 200
    assert "agit pas pour l&#x27;association responsable" in response.text
    assert not Task.objects.exists()


def test_a_person_acting_for_the_responsible_association_is_put_in_charge(
    client, member, group, neighbour, neighbour_member
):
    client.force_login(member)

    client.post(create_url(group), task_data(neighbour, assignee=neighbour_member.pk))

    assert Task.objects.get().assignee == neighbour_member


def test_only_a_member_association_takes_a_task_on(client, member, group):
    outsider = AssociationFactory(is_member=False)
    client.force_login(member)

    response = client.post(create_url(group), task_data(outsider))

    assert response.status_code == 200
    assert not Task.objects.exists()


def test_the_lead_association_changes_every_field_of_a_task(client, member, group, neighbour):
    task = TaskFactory(group=group)
    client.force_login(member)

    client.post(edit_url(task), task_data(neighbour, title="Recenser les permanences du nord",
                                          status=TaskStatus.IN_PROGRESS))

    task.refresh_from_db()
    assert task.title == "Recenser les permanences du nord"
    assert (task.responsible_association, task.status) == (neighbour, TaskStatus.IN_PROGRESS)


def test_the_responsible_association_moves_the_status_but_cannot_change_the_title(
    client, neighbour_member, group, neighbour
):
    task = TaskFactory(group=group, responsible_association=neighbour, title="Faire l'affiche")
    client.force_login(neighbour_member)

    response = client.post(edit_url(task), task_data(
        neighbour, title="Titre forgé", due_on="2030-01-01", status=TaskStatus.DONE,
    ))

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.status) == ("Faire l'affiche", TaskStatus.DONE)
    assert str(task.due_on) != "2030-01-01"


def test_the_responsible_association_sees_only_the_status_field(
    client, neighbour_member, group, neighbour
):
    task = TaskFactory(group=group, responsible_association=neighbour)
    client.force_login(neighbour_member)

    response = client.get(edit_url(task))

    assert 'name="status"' in response.text
    assert 'name="title"' not in response.text


def test_the_person_in_charge_moves_the_status(client, group, neighbour):
    # Put in charge while acting for the responsible association; acts for a third one now.
    person = MembershipFactory().person
    task = TaskFactory(group=group, responsible_association=neighbour, assignee=person)
    client.force_login(person)

    response = client.post(edit_url(task), {"status": TaskStatus.IN_PROGRESS})

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS


def test_person_a_of_association_x_cannot_change_association_y_s_task(
    client, neighbour_member, group, association
):
    task = TaskFactory(group=group, responsible_association=association, title="Faire l'affiche")

    client.force_login(neighbour_member)
    response = client.post(edit_url(task), task_data(association, status=TaskStatus.CANCELLED))

    assert response.status_code == 403
    task.refresh_from_db()
    assert task.status == TaskStatus.TODO


def test_a_task_is_cancelled_not_deleted(client, member, group, association):
    task = TaskFactory(group=group)
    client.force_login(member)

    client.post(edit_url(task), task_data(association, status=TaskStatus.CANCELLED))

    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED
    assert not task.is_open


def test_an_old_task_keeps_moving_after_its_person_in_charge_left(
    client, member, group, association
):
    today = timezone.localdate()
    helper = MembershipFactory(association=association,
                               starts_on=today - datetime.timedelta(days=400))
    task = TaskFactory(group=group, assignee=helper.person)
    helper.ends_on = today - datetime.timedelta(days=1)
    helper.save()
    client.force_login(member)

    response = client.post(edit_url(task), task_data(
        association, title=task.title, assignee=helper.person.pk, status=TaskStatus.DONE,
    ))

    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
