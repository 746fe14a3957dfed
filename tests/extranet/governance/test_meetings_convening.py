"""Convening a body's meeting, moving it and cancelling it: each time, every person acting
for an association of the body (and nobody else) gets an email with an .ics invitation."""

import datetime
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from extranet.governance.models import AgendaItem, BodyMeeting, MeetingDocument
from extranet.groups.models import Meeting
from tests.factories import (
    AssociationFactory,
    BodyFactory,
    BodyMeetingFactory,
    BodySeatFactory,
    MembershipFactory,
    ProposalFactory,
)

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture
def committee(db):
    """A committee of two seated associations, with two people each."""
    committee = BodyFactory(name="Comité de coordination")
    for name in ("Amicale laïque de Chelles", "Jardins de Vaires"):
        seat = BodySeatFactory(body=committee, association=AssociationFactory(
            name=name, is_member=True))
        MembershipFactory.create_batch(2, association=seat.association)
    return committee


def in_two_weeks(hour=18):
    day = timezone.localdate() + datetime.timedelta(days=14)
    return datetime.datetime.combine(day, datetime.time(hour, 0))


def form_data(**changes):
    starts = in_two_weeks()
    return {
        "title": "Réunion de rentrée", "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Maison des associations, Chelles", "online_url": "",
        "agenda_lines": "Accueil\nBudget 2027", **changes,
    }


def convene(client, coordinator, committee, captured, **changes):
    client.force_login(coordinator)
    with captured(execute=True):
        return client.post(
            reverse("extranet:body_meeting_create") + f"?instance={committee.slug}",
            form_data(**changes),
        )


def calendar_of(message):
    (name, content, mimetype), = message.attachments
    assert name.endswith(".ics")
    return Calendar.from_ical(content), mimetype


def event_of(calendar):
    return next(component for component in calendar.walk("VEVENT"))


def people_of(body):
    from extranet.accounts.models import Membership

    return {m.person.email for m in Membership.objects.filter(
        association__in=body.member_associations()).select_related("person")}


def test_the_convocation_reaches_every_person_of_every_association_of_the_body(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    outsider = MembershipFactory(association=AssociationFactory(is_member=True)).person

    convene(client, coordinator, committee, django_capture_on_commit_callbacks)

    recipients = {address for message in mailoutbox for address in message.to}
    assert recipients == people_of(committee)
    assert len(mailoutbox) == 4
    assert outsider.email not in recipients


def test_the_convocation_carries_an_invitation_in_paris_time(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks)

    calendar, mimetype = calendar_of(mailoutbox[0])
    event = event_of(calendar)
    assert calendar["METHOD"] == "REQUEST"
    assert mimetype == "text/calendar; method=REQUEST"
    start = event.decoded("DTSTART")
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Paris"
    assert start.replace(tzinfo=None) == in_two_weeks()
    assert event["SEQUENCE"] == 0
    assert "Comité de coordination" in str(event["SUMMARY"])


def test_convening_writes_the_meeting_its_agenda_and_no_group(
    client, coordinator, committee, django_capture_on_commit_callbacks,
):
    proposal = ProposalFactory(body=committee)

    response = convene(client, coordinator, committee, django_capture_on_commit_callbacks,
                       proposals=[proposal.pk])

    body_meeting = BodyMeeting.objects.get()
    assert response.url == reverse("extranet:body_meeting_detail", args=[body_meeting.pk])
    assert body_meeting.meeting.group is None
    assert body_meeting.convened_at is not None
    assert timezone.localtime(body_meeting.meeting.starts_at).hour == 18
    items = list(AgendaItem.objects.filter(body_meeting=body_meeting))
    assert [item.title for item in items[:2]] == ["Accueil", "Budget 2027"]
    assert items[2].proposal == proposal


def test_moving_the_meeting_sends_an_update_with_a_higher_sequence_to_the_same_people(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks)
    body_meeting = BodyMeeting.objects.get()
    first_uid = str(event_of(calendar_of(mailoutbox[0])[0])["UID"])
    mailoutbox.clear()
    later = in_two_weeks(hour=20)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("extranet:body_meeting_edit", args=[body_meeting.pk]), form_data(
            starts_at=later.strftime("%Y-%m-%dT%H:%M"),
            ends_at=(later + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        ))

    assert {a for m in mailoutbox for a in m.to} == people_of(committee)
    event = event_of(calendar_of(mailoutbox[0])[0])
    assert str(event["UID"]) == first_uid
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART").replace(tzinfo=None) == later


def test_changing_only_the_agenda_sends_nothing(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks)
    body_meeting = BodyMeeting.objects.get()
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("extranet:body_meeting_edit", args=[body_meeting.pk]),
                    form_data(agenda_lines="Accueil\nBudget\nQuestions diverses"))

    assert mailoutbox == []
    assert body_meeting.agenda_items.count() == 3


def test_cancelling_sends_a_cancellation_that_removes_the_event(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks)
    body_meeting = BodyMeeting.objects.get()
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("extranet:body_meeting_cancel", args=[body_meeting.pk]))

    body_meeting.refresh_from_db()
    assert body_meeting.meeting.is_cancelled
    assert {a for m in mailoutbox for a in m.to} == people_of(committee)
    calendar, mimetype = calendar_of(mailoutbox[0])
    assert calendar["METHOD"] == "CANCEL"
    assert mimetype == "text/calendar; method=CANCEL"
    assert event_of(calendar)["SEQUENCE"] == 1
    assert event_of(calendar)["STATUS"] == "CANCELLED"


def test_the_cancel_page_asks_first(client, coordinator, committee):
    body_meeting = BodyMeetingFactory(body=committee)
    client.force_login(coordinator)

    response = client.get(reverse("extranet:body_meeting_cancel", args=[body_meeting.pk]))

    assert response.status_code == 200
    body_meeting.meeting.refresh_from_db()
    assert not body_meeting.meeting.is_cancelled


def test_an_end_before_the_start_is_refused_and_nothing_is_sent(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    starts = in_two_weeks()
    response = convene(client, coordinator, committee, django_capture_on_commit_callbacks,
                       ends_at=(starts - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))

    assert response.status_code == 200
    assert "ends_at" in response.context["form"].errors
    assert not BodyMeeting.objects.exists()
    assert mailoutbox == []


def test_a_meeting_without_place_nor_link_is_refused(
    client, coordinator, committee, django_capture_on_commit_callbacks,
):
    response = convene(client, coordinator, committee, django_capture_on_commit_callbacks,
                       place="")

    assert response.status_code == 200
    assert not BodyMeeting.objects.exists()


def test_a_renamed_program_is_refused_as_a_document(
    client, coordinator, committee, django_capture_on_commit_callbacks,
):
    program = SimpleUploadedFile("ordre-du-jour.pdf", b"MZ\x90\x00\x03\x00\x00\x00")

    response = convene(client, coordinator, committee, django_capture_on_commit_callbacks,
                       documents=[program])

    assert response.status_code == 200
    assert "documents" in response.context["form"].errors
    assert not MeetingDocument.objects.exists()


def test_a_real_pdf_is_kept_and_served_to_members_only(
    client, coordinator, committee, member, non_member, django_capture_on_commit_callbacks,
):
    pdf = SimpleUploadedFile("budget.pdf", b"%PDF-1.7\n%%EOF\n")
    convene(client, coordinator, committee, django_capture_on_commit_callbacks,
            documents=[pdf])
    document = MeetingDocument.objects.get()
    url = reverse("extranet:body_meeting_document", args=[document.pk])

    client.force_login(member)
    served = client.get(url)
    client.force_login(non_member)
    refused = client.get(url)

    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert refused.status_code == 403


@pytest.mark.parametrize("visitor", ["member", "representative", "non_member"])
def test_only_coordinators_convene(client, request, committee, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.post(
        reverse("extranet:body_meeting_create") + f"?instance={committee.slug}", form_data()
    )

    assert response.status_code == 403
    assert not Meeting.objects.exists()


def test_the_groups_pages_do_not_change_a_body_meeting(client, coordinator, committee):
    body_meeting = BodyMeetingFactory(body=committee)
    client.force_login(coordinator)

    edit = client.post(reverse("extranet:meeting_edit", args=[body_meeting.meeting.pk]),
                       {"title": "Changée en douce"})
    cancel = client.post(reverse("extranet:meeting_cancel", args=[body_meeting.meeting.pk]))
    listed = client.get(reverse("extranet:meeting_list"))

    assert edit.status_code == cancel.status_code == 404
    body_meeting.meeting.refresh_from_db()
    assert body_meeting.meeting.title != "Changée en douce"
    assert not body_meeting.meeting.is_cancelled
    assert body_meeting.meeting not in listed.context["meetings"]


def test_a_person_who_no_longer_acts_for_the_association_is_not_convened(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    seat = committee.seats.first()
    former = MembershipFactory(
        association=seat.association,
        starts_on=timezone.localdate() - datetime.timedelta(days=400),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    ).person

    convene(client, coordinator, committee, django_capture_on_commit_callbacks)

    assert former.email not in {a for m in mailoutbox for a in m.to}


def test_the_convocation_names_the_body_the_date_and_the_proxy_page(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks)

    message = mailoutbox[0]
    body_meeting = BodyMeeting.objects.get()
    assert "Comité de coordination" in message.subject
    assert "à 18 h (heure de Paris)" in message.body
    assert reverse("extranet:body_meeting_proxy", args=[body_meeting.pk]) in message.body
