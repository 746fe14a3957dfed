"""Members join and leave working groups; the history of who took part is kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.groups.models import GroupMember
from tests.factories import GroupMemberFactory, MembershipFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(association):
    return WorkingGroupFactory(name="Accès aux droits", lead_association=association)


def join(client, group):
    return client.post(reverse("extranet:group_join", kwargs={"group_slug": group.slug}))


def leave(client, group):
    return client.post(reverse("extranet:group_leave", kwargs={"group_slug": group.slug}))


def test_a_member_joins_a_group(client, member, group):
    client.force_login(member)

    response = join(client, group)

    assert response.status_code == 302
    place = GroupMember.objects.get(group=group, person=member)
    assert (place.joined_on, place.left_on) == (timezone.localdate(), None)


def test_a_member_of_another_association_joins_too(client, neighbour, group):
    person = MembershipFactory(association=neighbour).person
    client.force_login(person)

    join(client, group)

    assert GroupMember.objects.current().filter(group=group, person=person).exists()


def test_joining_twice_keeps_one_place(client, member, group):
    client.force_login(member)
    join(client, group)

    response = join(client, group)

    assert response.status_code == 302
    assert GroupMember.objects.filter(group=group, person=member).count() == 1


def test_leaving_keeps_the_line_with_its_date(client, member, group):
    GroupMemberFactory(group=group, person=member,
                       joined_on=timezone.localdate() - datetime.timedelta(days=30))
    client.force_login(member)

    leave(client, group)

    place = GroupMember.objects.get(group=group, person=member)
    assert place.left_on == timezone.localdate()


def test_joining_again_after_leaving_adds_a_new_line(client, member, group):
    client.force_login(member)
    join(client, group)
    leave(client, group)

    join(client, group)

    places = GroupMember.objects.filter(group=group, person=member).order_by("pk")
    assert [place.left_on is None for place in places] == [False, True]


def test_an_archived_group_cannot_be_joined(client, member, group):
    group.archived_on = timezone.localdate()
    group.save()
    client.force_login(member)

    response = join(client, group)

    assert response.status_code == 403
    assert not GroupMember.objects.exists()


def test_the_group_page_offers_to_join_then_to_leave(client, member, group):
    client.force_login(member)
    url = reverse("extranet:group_detail", kwargs={"group_slug": group.slug})

    before = client.get(url).text
    join(client, group)
    after = client.get(url).text

    assert "Rejoindre le groupe" in before and "Quitter le groupe" not in before
    assert "Quitter le groupe" in after and "Rejoindre le groupe" not in after


def test_joining_by_a_get_request_is_refused(client, member, group):
    client.force_login(member)

    response = client.get(reverse("extranet:group_join", kwargs={"group_slug": group.slug}))

    assert response.status_code == 405
    assert not GroupMember.objects.exists()
