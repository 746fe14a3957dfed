"""The list of the bodies' meetings and a meeting's page: what they show, to whom, and in a
bounded number of queries whatever the number of meetings, associations and documents."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from extranet.governance.models import Attendance, AttendanceStatus, MeetingDocument
from tests.extranet.governance.conftest import association_of
from tests.factories import AgendaItemFactory, AssociationFactory, BodyMeetingFactory


def at(days):
    return timezone.now() + datetime.timedelta(days=days)


def meetings(body, count, days):
    return [BodyMeetingFactory(body=body, meeting__starts_at=at(days + n),
                               meeting__ends_at=at(days + n) + datetime.timedelta(hours=2))
            for n in range(count)]


def test_the_list_shows_upcoming_meetings_then_past_ones(client, plenary, member):
    past = meetings(plenary, 2, -30)
    coming = meetings(plenary, 2, 3)
    client.force_login(member)

    response = client.get(reverse("extranet:body_meeting_list"))

    assert response.context["upcoming"] == coming
    assert list(response.context["past"]) == past[::-1]


def test_a_cancelled_meeting_is_listed_with_the_past_ones(client, plenary, member):
    body_meeting, = meetings(plenary, 1, 3)
    body_meeting.meeting.cancelled_at = timezone.now()
    body_meeting.meeting.save()
    client.force_login(member)

    response = client.get(reverse("extranet:body_meeting_list"))

    assert response.context["upcoming"] == []
    assert list(response.context["past"]) == [body_meeting]


def test_the_list_runs_a_bounded_number_of_queries(client, plenary, member,
                                                   django_assert_max_num_queries):
    meetings(plenary, 15, 3)
    meetings(plenary, 30, -60)
    client.force_login(member)

    # About 15 are the site's own (session, person, menus, settings), whatever the list.
    with django_assert_max_num_queries(20):
        client.get(reverse("extranet:body_meeting_list"))


def test_the_meeting_page_runs_a_bounded_number_of_queries(client, plenary, voters, member,
                                                           django_assert_max_num_queries):
    body_meeting, = meetings(plenary, 1, -1)
    for n in range(10):
        association = AssociationFactory(is_member=True)
        Attendance.objects.create(body_meeting=body_meeting, association=association,
                                  status=AttendanceStatus.PRESENT)
        AgendaItemFactory(body_meeting=body_meeting)
        document = MeetingDocument(body_meeting=body_meeting, filename=f"doc-{n}.pdf",
                                   content_type="application/pdf", size=9)
        document.file.save("doc.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    client.force_login(member)

    with django_assert_max_num_queries(30):
        response = client.get(reverse("extranet:body_meeting_detail", args=[body_meeting.pk]))

    assert response.status_code == 200


def test_the_meeting_page_shows_the_date_in_paris_time_and_the_link(client, plenary, member):
    body_meeting = BodyMeetingFactory(
        body=plenary, meeting__online_url="https://visio.example.org/plenière",
        meeting__starts_at=timezone.make_aware(datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=10), datetime.time(18, 30))),
    )
    client.force_login(member)

    page = client.get(reverse("extranet:body_meeting_detail", args=[body_meeting.pk]))

    assert "18:30" in page.content.decode()
    assert "https://visio.example.org/" in page.content.decode()


@pytest.mark.parametrize("name", ["body_meeting_list", "body_meeting_detail"])
def test_a_person_acting_for_no_association_reads_no_meeting(client, plenary, non_member,
                                                             name):
    body_meeting = BodyMeetingFactory(body=plenary)
    args = [body_meeting.pk] if name == "body_meeting_detail" else []
    client.force_login(non_member)

    assert client.get(reverse(f"extranet:{name}", args=args)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, plenary):
    body_meeting = BodyMeetingFactory(body=plenary)

    response = client.get(reverse("extranet:body_meeting_detail", args=[body_meeting.pk]))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_the_representative_sees_the_proxy_link_before_the_meeting(client, plenary, voters):
    body_meeting, = meetings(plenary, 1, 3)
    representative = next(iter(voters.values()))
    client.force_login(representative)

    page = client.get(reverse("extranet:body_meeting_detail", args=[body_meeting.pk]))

    assert reverse("extranet:body_meeting_proxy", args=[body_meeting.pk]) in page.content.decode()
    assert association_of(representative).name in page.content.decode()


def test_the_home_page_links_a_body_meeting_to_its_page(client, plenary, member):
    body_meeting, = meetings(plenary, 1, 3)
    client.force_login(member)

    page = client.get(reverse("extranet:home"))

    url = reverse("extranet:body_meeting_detail", args=[body_meeting.pk])
    assert url in page.content.decode()
