"""Meetings of the groups and of the whole network: called and changed by those who run
them, typed in Paris time, cancelled rather than deleted."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.groups.models import Meeting
from tests.factories import (
    GroupMemberFactory,
    MeetingFactory,
    MembershipFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("extranet:meeting_list")
NETWORK_URL = reverse("extranet:network_meeting_create")


@pytest.fixture
def group(association):
    """Led by the association of the `member` and `representative` fixtures."""
    return WorkingGroupFactory(name="Accès aux droits", lead_association=association)


def create_url(group):
    return reverse("extranet:meeting_create", kwargs={"group_slug": group.slug})


def cancel_url(meeting):
    return reverse("extranet:meeting_cancel", kwargs={"meeting_id": meeting.pk})


def meeting_data(**changes):
    return {"title": "Réunion de lancement", "starts_at": "2026-03-29T10:00",
            "ends_at": "2026-03-29T12:00", "place": "Maison des associations, Chelles",
            "online_url": "", "agenda": "", **changes}


def test_a_meeting_typed_on_the_day_summer_time_starts_is_stored_in_utc(
    client, member, group
):
    client.force_login(member)

    response = client.post(create_url(group), meeting_data())

    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.starts_at == datetime.datetime(2026, 3, 29, 8, 0, tzinfo=datetime.UTC)
    assert (meeting.group, meeting.created_by) == (group, member)


def test_a_meeting_is_shown_in_paris_time(client, member, group):
    year = timezone.now().year + 1  # 3 December next year: to come, in winter time.
    MeetingFactory(group=group, starts_at=datetime.datetime(year, 12, 3, 17, 30,
                                                             tzinfo=datetime.UTC))
    client.force_login(member)

    response = client.get(LIST_URL)

    assert f"3 décembre {year} à 18 h 30" in response.text


def test_an_hour_that_does_not_exist_in_paris_is_refused(client, member, group):
    client.force_login(member)

    response = client.post(create_url(group), meeting_data(starts_at="2026-03-29T02:30",
                                                           ends_at=""))

    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_a_meeting_cannot_end_before_it_starts(client, member, group):
    client.force_login(member)

    response = client.post(create_url(group), meeting_data(ends_at="2026-03-29T09:00"))

    assert "La fin ne peut pas précéder le début." in response.text
    assert not Meeting.objects.exists()


def test_a_member_of_another_association_cannot_call_a_meeting_of_the_group(
    client, neighbour, group
):
    client.force_login(MembershipFactory(association=neighbour).person)

    response = client.post(create_url(group), meeting_data())

    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_a_member_of_another_association_cannot_change_a_meeting_of_the_group(
    client, neighbour, group
):
    meeting = MeetingFactory(group=group, title="Réunion de lancement")
    client.force_login(MembershipFactory(association=neighbour).person)

    response = client.post(
        reverse("extranet:meeting_edit", kwargs={"meeting_id": meeting.pk}),
        meeting_data(title="Titre forgé"),
    )

    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.title == "Réunion de lancement"


def test_a_coordinator_calls_a_meeting_of_the_whole_network(client, coordinator):
    client.force_login(coordinator)

    response = client.post(NETWORK_URL, meeting_data(title="Assemblée du réseau"))

    assert response.url == LIST_URL
    assert Meeting.objects.get().group is None


def test_a_representative_cannot_call_a_meeting_of_the_whole_network(
    client, representative
):
    client.force_login(representative)

    response = client.post(NETWORK_URL, meeting_data())

    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_a_representative_cannot_change_a_meeting_of_the_whole_network(
    client, representative
):
    meeting = MeetingFactory(group=None, title="Assemblée du réseau")
    client.force_login(representative)

    response = client.post(cancel_url(meeting))

    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None


def test_the_lead_association_cancels_a_meeting(client, member, group):
    meeting = MeetingFactory(group=group)
    client.force_login(member)

    response = client.post(cancel_url(meeting))

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    assert not Meeting.objects.upcoming().exists()


def test_cancelling_asks_for_confirmation_first(client, member, group):
    meeting = MeetingFactory(group=group)
    client.force_login(member)

    response = client.get(cancel_url(meeting))

    assert "<form method=\"post\">" in response.text
    meeting.refresh_from_db()
    assert meeting.cancelled_at is None


def test_a_cancelled_meeting_leaves_the_pages(client, member, group):
    meeting = MeetingFactory(group=group, title="Réunion annulée")
    client.force_login(member)
    client.post(cancel_url(meeting))

    listing = client.get(LIST_URL)
    page = client.get(reverse("extranet:group_detail", kwargs={"group_slug": group.slug}))

    assert 'card__title">Réunion annulée' not in listing.text
    assert 'card__title">Réunion annulée' not in page.text


def test_a_cancelled_meeting_no_longer_changes(client, member, group):
    meeting = MeetingFactory(group=group, title="Réunion annulée",
                             cancelled_at=timezone.now())
    client.force_login(member)

    client.post(reverse("extranet:meeting_edit", kwargs={"meeting_id": meeting.pk}),
                meeting_data(title="Réunion reprise"))

    meeting.refresh_from_db()
    assert meeting.title == "Réunion annulée"


def test_past_meetings_are_not_among_the_upcoming_ones(client, member, group):
    MeetingFactory(group=group, title="Réunion de la semaine dernière",
                   starts_at=timezone.now() - datetime.timedelta(days=7))
    MeetingFactory(group=group, title="Réunion de la semaine prochaine")
    client.force_login(member)

    listing = client.get(LIST_URL)
    page = client.get(reverse("extranet:group_detail", kwargs={"group_slug": group.slug}))

    assert "Réunion de la semaine dernière" not in listing.text
    upcoming, past = page.text.split('id="past-meetings"')
    assert "Réunion de la semaine prochaine" in upcoming
    assert "Réunion de la semaine dernière" not in upcoming
    assert "Réunion de la semaine dernière" in past


def test_a_meeting_under_way_is_still_upcoming(client, member, group):
    MeetingFactory(group=group, title="Réunion en cours",
                   starts_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(member)

    response = client.get(LIST_URL)

    assert "Réunion en cours" in response.text


def test_the_group_page_shows_the_last_five_past_meetings(client, member, group):
    for days in range(1, 8):
        MeetingFactory(group=group, title=f"Réunion d'il y a {days} semaines",
                       starts_at=timezone.now() - datetime.timedelta(weeks=days))
    client.force_login(member)

    response = client.get(reverse("extranet:group_detail", kwargs={"group_slug": group.slug}))

    assert response.text.count("Réunion d&#x27;il y a") == 5
    assert "il y a 6 semaines" not in response.text


def test_meetings_of_my_groups_are_marked(client, member, group):
    GroupMemberFactory(group=group, person=member)
    MeetingFactory(group=group, title="Réunion de mon groupe")
    MeetingFactory(title="Réunion d'un autre groupe")
    MeetingFactory(group=None, title="Assemblée du réseau")
    client.force_login(member)

    response = client.get(LIST_URL)

    cards = {card.split("</h3>")[0]: card for card in response.text.split('card__title">')[1:]}
    assert "mon groupe" in cards["Réunion de mon groupe"]
    assert "mon groupe" not in cards["Réunion d&#x27;un autre groupe"]
    assert "Tout le réseau" in cards["Assemblée du réseau"]


def test_the_meeting_list_runs_as_many_queries_for_thirty_meetings_as_for_three(
    client, member, django_assert_max_num_queries
):
    for _index in range(3):
        MeetingFactory()
    client.force_login(member)
    client.get(LIST_URL)  # Warm Wagtail's site and settings caches.
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    for index in range(27):
        MeetingFactory(group=None if index % 3 == 0 else WorkingGroupFactory())

    with django_assert_max_num_queries(len(few)):
        response = client.get(LIST_URL)

    assert response.text.count('class="card meeting"') == 20  # The first page.
    assert "Page 1 sur 2" in response.text
