"""During a body's meeting: proxies given before it, the attendance sheet and its quorum,
the votes of the associations present or represented, the minutes approved at the next
meeting (the plenary of conftest.py: three associations, each with its representative)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.accounts.models import Role
from extranet.governance.models import (
    Attendance,
    AttendanceStatus,
    Ballot,
    BallotMode,
    Decision,
    Proxy,
    Vote,
)
from extranet.governance.voting import open_ballot
from tests.extranet.governance.conftest import association_of
from tests.factories import (
    AgendaItemFactory,
    AssociationFactory,
    BodyMeetingFactory,
    MembershipFactory,
)

CHELLES, TORCY, VAIRES = ("Amicale laïque de Chelles", "Les Restos du cœur de Torcy",
                          "Jardins de Vaires")


def at(hours):
    return timezone.now() + datetime.timedelta(hours=hours)


@pytest.fixture
def coming(plenary, voters):
    """A plenary meeting in two days."""
    return BodyMeetingFactory(body=plenary, meeting__starts_at=at(48),
                              meeting__ends_at=at(50))


@pytest.fixture
def started(plenary, voters):
    """A plenary meeting that started an hour ago."""
    return BodyMeetingFactory(body=plenary, meeting__starts_at=at(-1),
                              meeting__ends_at=at(1))


@pytest.fixture
def secretary(plenary, voters):
    """A member (not a representative) of one of the associations, secretary of the day."""
    return MembershipFactory(association=association_of(voters[CHELLES]),
                             role=Role.MEMBER).person


def give(client, representative, body_meeting, holder):
    client.force_login(representative)
    return client.post(reverse("extranet:body_meeting_proxy", args=[body_meeting.pk]), {
        "giver": association_of(representative).pk, "holder": holder.pk,
    })


def attend(client, person, body_meeting, lines):
    client.force_login(person)
    data = {}
    for association, (status, holder) in lines.items():
        data[f"status_{association.pk}"] = status
        data[f"holder_{association.pk}"] = holder.pk if holder else ""
    return client.post(reverse("extranet:body_meeting_attendance", args=[body_meeting.pk]),
                       data)


def test_a_representative_gives_the_proxy_of_the_association_for_a_meeting(
    client, coming, voters,
):
    holder = association_of(voters[TORCY])

    response = give(client, voters[CHELLES], coming, holder)

    assert response.status_code == 302
    proxy = Proxy.objects.get()
    assert (proxy.giver, proxy.holder, proxy.body_meeting) == (
        association_of(voters[CHELLES]), holder, coming)


def test_a_proxy_is_taken_back_before_the_meeting(client, coming, voters):
    give(client, voters[CHELLES], coming, association_of(voters[TORCY]))

    client.post(reverse("extranet:body_meeting_proxy", args=[coming.pk]),
                {"take_back": association_of(voters[CHELLES]).pk})

    assert not Proxy.objects.active().exists()


def test_no_proxy_once_the_meeting_has_started(client, started, voters):
    response = give(client, voters[CHELLES], started, association_of(voters[TORCY]))

    assert response.status_code == 200
    assert not Proxy.objects.exists()


def test_a_holder_carries_no_more_proxies_than_the_body_allows(client, coming, voters):
    holder = association_of(voters[TORCY])
    give(client, voters[CHELLES], coming, holder)

    response = give(client, voters[VAIRES], coming, holder)

    assert response.status_code == 200
    assert Proxy.objects.count() == 1


def test_a_member_who_is_not_the_representative_gives_no_proxy(client, coming, secretary):
    client.force_login(secretary)

    response = client.get(reverse("extranet:body_meeting_proxy", args=[coming.pk]))

    assert response.status_code == 403


def test_the_representative_of_an_association_outside_the_body_gives_no_proxy(
    client, coming,
):
    outsider = MembershipFactory(association=AssociationFactory(is_member=False),
                                 role=Role.REPRESENTATIVE).person
    client.force_login(outsider)

    response = client.get(reverse("extranet:body_meeting_proxy", args=[coming.pk]))

    assert response.status_code == 403


def test_a_meeting_proxy_prefills_represented_by_its_holder(client, coming, voters,
                                                            coordinator):
    holder = association_of(voters[TORCY])
    give(client, voters[CHELLES], coming, holder)
    client.force_login(coordinator)

    form = client.get(reverse("extranet:body_meeting_attendance",
                              args=[coming.pk])).context["form"]

    giver = association_of(voters[CHELLES])
    assert form[f"status_{giver.pk}"].initial == AttendanceStatus.REPRESENTED
    assert form[f"holder_{giver.pk}"].initial == holder.pk


def test_the_attendance_gives_the_quorum(client, started, voters, coordinator):
    chelles, torcy = association_of(voters[CHELLES]), association_of(voters[TORCY])
    attend(client, coordinator, started, {
        chelles: (AttendanceStatus.PRESENT, None),
        torcy: (AttendanceStatus.REPRESENTED, chelles),
        association_of(voters[VAIRES]): (AttendanceStatus.ABSENT, None),
    })

    page = client.get(reverse("extranet:body_meeting_detail", args=[started.pk]))

    assert Attendance.objects.filter(body_meeting=started).count() == 3
    assert "2 associations sur 3 présentes ou représentées" in page.content.decode()
    assert "quorum de 50 % atteint" in page.content.decode()


def test_saving_the_sheet_again_changes_the_lines(client, started, voters, coordinator):
    chelles = association_of(voters[CHELLES])
    attend(client, coordinator, started, {chelles: (AttendanceStatus.PRESENT, None)})

    attend(client, coordinator, started, {chelles: (AttendanceStatus.EXCUSED, None)})

    assert Attendance.objects.get(association=chelles).status == AttendanceStatus.EXCUSED


def test_represented_without_a_holder_is_refused(client, started, voters, coordinator):
    response = attend(client, coordinator, started, {
        association_of(voters[CHELLES]): (AttendanceStatus.REPRESENTED, None),
    })

    assert response.status_code == 200
    assert not Attendance.objects.exists()


def test_the_secretary_keeps_the_attendance(client, plenary, voters, secretary):
    body_meeting = BodyMeetingFactory(body=plenary, secretary=secretary,
                                      meeting__starts_at=at(-1), meeting__ends_at=at(1))

    response = attend(client, secretary, body_meeting, {
        association_of(voters[CHELLES]): (AttendanceStatus.PRESENT, None),
    })

    assert response.status_code == 302
    assert Attendance.objects.filter(body_meeting=body_meeting).exists()


@pytest.mark.parametrize("who", ["a_member", "a_representative"])
def test_who_is_not_the_secretary_nor_a_coordinator_keeps_nothing(client, request, started,
                                                                   voters, who):
    # `started` has no secretary: the `secretary` fixture is just a member there.
    person = request.getfixturevalue("secretary") if who == "a_member" else voters[CHELLES]
    client.force_login(person)

    for name in ("body_meeting_attendance", "body_meeting_minutes"):
        assert client.get(reverse(f"extranet:{name}", args=[started.pk])).status_code == 403


@pytest.fixture
def meeting_ballot(started, plenary, voters, coordinator, proposal):
    AgendaItemFactory(body_meeting=started, proposal=proposal)
    return open_ballot(proposal, by=coordinator, mode=BallotMode.MEETING,
                       body_meeting=started)


def record(client, person, ballot, association, choice="for"):
    client.force_login(person)
    return client.post(
        reverse("extranet:body_meeting_ballot", args=[ballot.body_meeting_id, ballot.pk]),
        {"association": association.pk, "choice": choice},
    )


def test_the_secretary_opens_the_vote_of_an_agenda_item(client, started, proposal,
                                                        coordinator):
    item = AgendaItemFactory(body_meeting=started, proposal=proposal)
    client.force_login(coordinator)

    response = client.post(reverse("extranet:body_meeting_ballot_open", args=[started.pk]),
                           {"agenda_item": item.pk})

    ballot = Ballot.objects.get()
    assert (ballot.mode, ballot.body_meeting) == (BallotMode.MEETING, started)
    assert response.url == reverse("extranet:body_meeting_ballot",
                                   args=[started.pk, ballot.pk])


def test_the_vote_of_an_absent_association_is_refused(client, meeting_ballot, voters,
                                                      coordinator):
    absent = association_of(voters[VAIRES])
    Attendance.objects.create(body_meeting=meeting_ballot.body_meeting, association=absent,
                              status=AttendanceStatus.ABSENT)

    response = record(client, coordinator, meeting_ballot, absent)

    assert response.status_code == 200
    assert "ni présente ni représentée" in response.content.decode()
    assert not Vote.objects.exists()


def test_the_meeting_vote_goes_to_the_register_with_its_meeting(client, meeting_ballot,
                                                                voters, coordinator):
    started = meeting_ballot.body_meeting
    for name in (CHELLES, TORCY):
        Attendance.objects.create(body_meeting=started, association=association_of(
            voters[name]), status=AttendanceStatus.PRESENT)
        record(client, coordinator, meeting_ballot, association_of(voters[name]))

    client.post(reverse("extranet:body_meeting_ballot", args=[started.pk, meeting_ballot.pk]),
                {"close": "1"})

    decision = Decision.objects.get()
    assert decision.body_meeting == started
    assert decision.ballot == meeting_ballot
    assert decision.votes_for == 2


def minutes(client, person, body_meeting, text):
    client.force_login(person)
    return client.post(reverse("extranet:body_meeting_minutes", args=[body_meeting.pk]),
                       {"minutes": text})


def test_minutes_are_not_written_before_the_meeting(client, coming, coordinator):
    response = minutes(client, coordinator, coming, "Tout s'est bien passé.")

    assert response.status_code == 200
    coming.refresh_from_db()
    assert coming.minutes == ""


@pytest.fixture
def two_meetings(plenary, voters):
    earlier = BodyMeetingFactory(body=plenary, meeting__starts_at=at(-24 * 30),
                                 meeting__ends_at=at(-24 * 30 + 2),
                                 minutes="Le budget est adopté.")
    later = BodyMeetingFactory(body=plenary, meeting__starts_at=at(-1),
                               meeting__ends_at=at(1))
    return earlier, later


def test_the_next_meeting_approves_the_minutes_and_then_they_are_frozen(
    client, two_meetings, coordinator,
):
    earlier, later = two_meetings
    client.force_login(coordinator)

    client.post(reverse("extranet:body_meeting_approve_minutes", args=[later.pk]))
    response = minutes(client, coordinator, earlier, "Réécrit après coup.")

    earlier.refresh_from_db()
    assert earlier.minutes_approved_at == later
    assert earlier.minutes == "Le budget est adopté."
    assert response.status_code == 200


def test_minutes_are_not_approved_at_the_same_nor_an_earlier_meeting(two_meetings):
    from django.core.exceptions import ValidationError

    earlier, later = two_meetings
    later.minutes, later.minutes_approved_at = "Compte rendu.", earlier

    with pytest.raises(ValidationError):
        later.full_clean()


def test_a_meeting_not_started_approves_nothing(client, plenary, voters, two_meetings,
                                                coordinator):
    _earlier, later = two_meetings
    later.minutes = "Compte rendu du jour."
    later.save()
    coming = BodyMeetingFactory(body=plenary, meeting__starts_at=at(48),
                                meeting__ends_at=at(50))
    client.force_login(coordinator)

    client.post(reverse("extranet:body_meeting_approve_minutes", args=[coming.pk]))

    later.refresh_from_db()
    assert later.minutes_approved_at is None


def test_no_meeting_vote_opens_before_the_meeting(client, coming, proposal, coordinator):
    item = AgendaItemFactory(body_meeting=coming, proposal=proposal)
    client.force_login(coordinator)

    client.post(reverse("extranet:body_meeting_ballot_open", args=[coming.pk]),
                {"agenda_item": item.pk})

    assert not Ballot.objects.exists()
