"""The adhesions in the Wagtail admin: how each ended is shown; nobody deletes one."""

import pytest
from django.urls import reverse
from django.utils import timezone

from joining.leaving import end_adhesion
from joining.models import CollectiveMembership, EndReason

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_joining_collectivemembership:list"


@pytest.fixture
def ended(club, club_representative):
    return end_adhesion(club, on=timezone.localdate(), reason=EndReason.LEFT,
                        note="Fusion avec une autre association", by=club_representative)


def test_the_list_shows_the_end_date_and_reason(client, coordinator, ended,
                                                django_assert_max_num_queries):
    client.force_login(coordinator)

    with django_assert_max_num_queries(40):
        response = client.get(reverse(LIST))

    assert response.status_code == 200
    assert "départ à sa demande" in response.text


def test_the_list_is_filtered_by_end_reason(client, coordinator, ended):
    client.force_login(coordinator)

    response = client.get(reverse(LIST), {"end_reason": EndReason.EXCLUDED})

    assert "Club de randonnée de Lagny" not in response.text


def test_the_adhesion_shows_how_it_ended(client, coordinator, ended):
    client.force_login(coordinator)

    response = client.get(reverse("wagtailsnippets_joining_collectivemembership:inspect",
                                  args=[ended.pk]))

    assert response.status_code == 200
    assert "Fusion avec une autre association" in response.text


@pytest.mark.parametrize("who", ["coordinator", "admin_user"])
def test_nobody_deletes_an_adhesion(client, request, ended, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(reverse("wagtailsnippets_joining_collectivemembership:delete",
                                   args=[ended.pk]))

    assert response.status_code in (302, 403)
    assert CollectiveMembership.objects.filter(pk=ended.pk).exists()


def test_an_editor_does_not_see_the_adhesions(client, editor):
    client.force_login(editor)

    assert client.get(reverse(LIST)).status_code in (302, 403)
