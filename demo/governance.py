"""The collective's governance in the demo (`seed_demo`): the plenary assembly and the
coordination committee, three more member associations with their representatives, the two
general assemblies of 2026 (attendance, proxies, votes in the meeting, minutes, the March
minutes approved in September) whose votes fill the register from 2026-001 to 2026-007 (the
revised charter's adoption), an online ballot open now with a proxy and two votes, the
rotation order, and the next coordination term designated by rotation. Text and figures in
demo/data/governance.toml. Made once: nothing is added when the register holds a decision."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content, listing_pages
from directory.models import Association
from extranet.accounts.models import Role
from extranet.accounts.services import add_membership
from extranet.governance import coordination, voting
from extranet.governance.models import (
    Attendance,
    AttendanceStatus,
    BallotMode,
    Body,
    BodyKind,
    BodyMeeting,
    BodySeat,
    Decision,
    DecisionsPage,
    Effect,
    Proposal,
    Proxy,
    RotationPlace,
)
from extranet.groups.models import Meeting
from joining.models import CollectiveMembership

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
FOUNDED_ON = datetime.date(2026, 3, 14)
STATUSES = {"present": AttendanceStatus.PRESENT, "excused": AttendanceStatus.EXCUSED,
            "absent": AttendanceStatus.ABSENT}


def seed(command, home, english):
    """The governance's demo content (once), and the public page of its decisions."""
    page = decisions_page(command, home, english)
    if Decision.objects.exists():
        return page
    data = content.GOVERNANCE
    members(data["members"])
    plenary = body(data["plenary"], BodyKind.PLENARY)
    committee = body(data["committee"], BodyKind.COMMITTEE)
    for name in data["committee"]["seats"]:
        BodySeat.objects.get_or_create(body=committee, association=named(name),
                                       defaults={"starts_on": FOUNDED_ON})
    for position, name in enumerate(data["plenary"]["rotation"], start=1):
        RotationPlace.objects.get_or_create(body=plenary, association=named(name),
                                            defaults={"position": position})
    previous = None
    for assembly in data["assemblies"]:
        previous = hold(plenary, assembly, previous)
    coordination.next_by_rotation(plenary, by=None)
    online_ballot(plenary, data["online_ballot"])
    command.created += 1
    return page


def decisions_page(command, home, english):
    """« Nos décisions et positions » under the home page, and its English version."""
    return listing_pages.in_both_languages(command, DecisionsPage, home, english,
                                           content.GOVERNANCE["page"], content_text)


def named(name):
    return Association.objects.get(name=name)


def representative(association):
    return association.memberships.current().get(role=Role.REPRESENTATIVE).person


def members(entries):
    """Adhesions for every member association of the demo, and representatives for the
    associations that have none."""
    User = get_user_model()
    for entry in entries:
        association = named(entry["association"])
        first_name, last_name, username = entry["representative"]
        if not User.objects.filter(username=username).exists():
            person = User(username=username, first_name=first_name, last_name=last_name,
                          email=f"{username}@example.org")
            person.set_unusable_password()
            person.save()
            add_membership(person, association, Role.REPRESENTATIVE, by=None,
                           starts_on=FOUNDED_ON)
    for association in Association.objects.members():
        if not CollectiveMembership.objects.filter(association=association).exists():
            CollectiveMembership.objects.create(association=association, starts_on=FOUNDED_ON)


def body(data, kind):
    fields = {key: data[key] for key in ("description", "quorum_percent", "majority",
                                         "max_proxies_per_holder")}
    fields["coordination_term_months"] = data.get("coordination_term_months")
    found = Body.objects.filter(kind=kind).first() if kind == BodyKind.PLENARY else None
    if found is None:
        found = Body.objects.get_or_create(name=data["name"], defaults={"kind": kind, **fields})[0]
    else:
        Body.objects.filter(pk=found.pk).update(**fields)
    return found


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=PARIS)


def hold(plenary, assembly, previous):
    """One past assembly: its meeting, attendance, votes in the meeting, minutes."""
    User = get_user_model()
    secretary = User.objects.get(username=assembly["secretary"])
    starts_at, ends_at = at(assembly["starts_at"]), at(assembly["ends_at"])
    meeting = BodyMeeting.objects.create(
        meeting=Meeting.objects.create(title=assembly["title"], starts_at=starts_at,
                                       ends_at=ends_at, place=assembly["place"]),
        body=plenary, secretary=secretary, convened_at=starts_at - datetime.timedelta(days=21),
        minutes=content_text(assembly["minutes"]), minutes_written_at=ends_at,
    )
    for name, status in assembly["attendance"].items():
        attend(meeting, named(name), status)
    for vote in assembly["votes"]:
        decide(plenary, meeting, vote, secretary, starts_at, ends_at)
    if previous is not None and assembly.get("approves_previous_minutes"):
        previous.minutes_approved_at = meeting
        previous.save(update_fields=["minutes_approved_at"])
    return meeting


def content_text(text):
    """The minutes' paragraphs, from TOML's continued lines."""
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n"))


def attend(meeting, association, status):
    if status in STATUSES:
        Attendance.objects.create(body_meeting=meeting, association=association,
                                  status=STATUSES[status])
        return
    holder = named(status)
    Proxy.objects.create(giver=association, holder=holder, body_meeting=meeting,
                         given_by=representative(association))
    Attendance.objects.create(body_meeting=meeting, association=association,
                              status=AttendanceStatus.REPRESENTED, represented_by=holder)


def decide(plenary, meeting, vote, secretary, starts_at, ends_at):
    author = named(vote["author"])
    proposal = Proposal.objects.create(
        body=plenary, title=vote["title"], text=content_text(vote["text"]),
        author_association=author, author=representative(author),
        is_public=vote.get("public", False), created_at=starts_at - datetime.timedelta(days=30),
    )
    if "coordination" in vote:
        proposal.effect = Effect.COORDINATION
        proposal.effect_starts_on = datetime.date.fromisoformat(vote["coordination_starts_on"])
        proposal.save(update_fields=["effect", "effect_starts_on"])
        proposal.effect_associations.set(named(name) for name in vote["coordination"])
    ballot = voting.open_ballot(proposal, by=secretary, mode=BallotMode.MEETING,
                                body_meeting=meeting, opens_at=starts_at)
    choices = {"for": vote.get("for", []), "against": vote.get("against", []),
               "abstain": vote.get("abstain", [])}
    for choice, names in choices.items():
        for name in names:
            voting.record_meeting_vote(ballot, named(name), choice, by=secretary, now=starts_at)
    voting.close_ballot(ballot, by=secretary, now=ends_at)


def online_ballot(plenary, data):
    """The ballot open now: two associations voted, one gave its proxy."""
    author = named(data["author"])
    proposal = Proposal.objects.create(
        body=plenary, title=data["title"], text=content_text(data["text"]),
        rationale=content_text(data["rationale"]), author_association=author,
        author=representative(author),
    )
    now = timezone.now()
    ballot = voting.open_ballot(
        proposal, by=representative(author),
        opens_at=now - datetime.timedelta(days=data["opened_days_ago"]),
        closes_at=now + datetime.timedelta(days=data["closes_in_days"]),
    )
    giver, holder = (named(name) for name in data["proxy"])
    Proxy.objects.create(giver=giver, holder=holder, ballot=ballot,
                         given_by=representative(giver))
    for name, choice in data["votes"].items():
        association = named(name)
        voting.cast_vote(ballot, association, choice, by=representative(association))
