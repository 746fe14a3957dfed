"""Working groups, tasks and meetings in the Wagtail admin: superusers read and change
them, nobody deletes them, editors do not see them."""

import pytest
from django.urls import reverse

from extranet.groups.models import Meeting, Task, WorkingGroup
from tests.factories import MeetingFactory, TaskFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x")


@pytest.mark.parametrize("model", ["workinggroup", "groupmember", "task", "meeting"])
def test_a_superuser_lists_them_under_extranet(client, superuser, model):
    TaskFactory()
    MeetingFactory()
    client.force_login(superuser)

    response = client.get(reverse(f"wagtailsnippets_workgroups_{model}:list"))

    assert response.status_code == 200


def test_a_superuser_changes_a_task(client, superuser, association):
    task = TaskFactory(group=WorkingGroupFactory(lead_association=association))
    client.force_login(superuser)

    response = client.post(reverse("wagtailsnippets_workgroups_task:edit", args=[task.pk]), {
        "group": task.group.pk, "title": "Nouveau titre", "description": "",
        "responsible_association": association.pk, "assignee": "", "due_on": "2026-06-30",
        "status": "done",
    })

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.status) == ("Nouveau titre", "done")


@pytest.mark.parametrize(("model", "factory"), [
    (WorkingGroup, WorkingGroupFactory), (Task, TaskFactory), (Meeting, MeetingFactory),
])
def test_not_even_a_superuser_deletes_them(client, superuser, model, factory):
    record = factory()
    client.force_login(superuser)

    response = client.post(reverse(
        f"wagtailsnippets_workgroups_{model._meta.model_name}:delete", args=[record.pk]
    ))

    assert response.status_code in (302, 403)
    assert model.objects.filter(pk=record.pk).exists()


def test_an_editor_does_not_see_the_groups(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_workgroups_workinggroup:list"))

    assert response.status_code in (302, 403)
