"""Who may do what in the governance (gathered in extranet/permissions.py).

Every member reads the bodies, the proposals, the ballots and the register: "que chacun ait
sa place". An association acts through its current representative: it proposes, votes and
gives its proxy. Coordinators run the bodies: they create them and their seats, put
proposals to the vote, convene the meetings; a meeting's secretary keeps its attendance,
votes and minutes. The coordinators are also the people of the association(s) whose term
of coordination runs today (extranet.accounts.permissions.is_coordinator); the people of the
next term read the handover list before their term starts.
"""

from django.db.models import Q
from django.utils import timezone

from directory.models import Association
from extranet.accounts.models import Role
from extranet.accounts.permissions import (
    association_ids,
    current_memberships,
    is_coordinator,
    is_member,
)
from extranet.governance.models import Body, BodyKind, CoordinationTerm
from extranet.governance.models.bodies import current_filter


def represented_ids(user):
    """The associations the user is the current representative of."""
    return {m.association_id for m in current_memberships(user)
            if m.role == Role.REPRESENTATIVE}


def sitting_ids(user, body):
    """The associations the user acts for that sit in the body today (one query)."""
    acting = {m.association_id for m in current_memberships(user)}
    if not acting:
        return set()
    return set(body.member_associations().filter(pk__in=acting).values_list("pk", flat=True))


def can_read_governance(user):
    return is_member(user)


def can_manage_bodies(user):
    """May create and change bodies, their seats and their rules."""
    return is_coordinator(user)


def can_propose(user, body):
    """May put a proposal to the body: the representative of an association sitting in it."""
    return not body.archived_on and bool(represented_ids(user) & sitting_ids(user, body))


def can_open_ballot(user):
    """May put a proposal to the vote (online, or in a meeting) and count a meeting's."""
    return is_coordinator(user)


def can_convene(user):
    """May convene, move or cancel a body's meeting."""
    return is_coordinator(user)


def can_keep_meeting(user, body_meeting):
    """May keep the attendance, the votes and the minutes of a meeting: its secretary, or a
    coordinator."""
    return is_coordinator(user) or (
        is_member(user) and body_meeting.secretary_id == user.pk
    )


def can_read_coordination(user):
    """The history of the coordination is open to every member."""
    return is_member(user)


def can_manage_rotation(user):
    """May set the rotation order and designate the next term."""
    return is_coordinator(user)


def is_incoming_coordinator(user):
    """Acts for an association of the next term, which has not started yet (one query)."""
    acting = association_ids(user)
    if not acting:
        return False
    return CoordinationTerm.associations.through.objects.filter(
        coordinationterm__starts_on__gt=timezone.localdate(), association_id__in=acting,
    ).exists()


def can_read_handover(user):
    """The handover list: the coordinators, and the people of the next term."""
    return is_coordinator(user) or is_incoming_coordinator(user)


def can_hand_over(user):
    """May say the handover is done: a coordinator (the incoming team, once its term runs)."""
    return is_coordinator(user)


def can_count_ballot(user):
    """May count an online ballot whose window is over (the command does it too)."""
    return is_coordinator(user)


def can_correct_decision(user):
    """May write a decision that corrects (supersedes) one of the register."""
    return is_coordinator(user)


def proxy_giver_ids(user, ballot):
    """The associations called to the ballot that the user represents: those they may give
    (or take back) the proxy of (one query)."""
    represented = represented_ids(user)
    if not represented:
        return set()
    return set(ballot.electors.filter(association_id__in=represented)
               .values_list("association_id", flat=True))


def can_change_proposal(user, proposal):
    """May change or withdraw the proposal (while it has no ballot, see
    `proposal_is_open_to_change`): its author association's representative, or a
    coordinator."""
    return is_coordinator(user) or (
        is_member(user) and proposal.author_association_id in represented_ids(user)
    )


def proposal_is_open_to_change(proposal):
    """A proposal is changed, amended or withdrawn only before it is put to the vote."""
    return not proposal.is_withdrawn and not proposal.ballots.exists()


def can_take_in_amendment(user, proposal):
    """May take an amendment into the proposal's text: its author association's
    representative."""
    return proposal.author_association_id in represented_ids(user)


def can_discuss_proposal(user, proposal):
    """May comment or amend: the people of an association sitting in the body, while the
    proposal is not withdrawn."""
    return not proposal.is_withdrawn and bool(sitting_ids(user, proposal.body))


def can_remove_proposal_comment(user, comment):
    """May withdraw a comment or an amendment: its author, or a coordinator."""
    return is_coordinator(user) or (is_member(user) and comment.author_id == user.pk)


def proposable_bodies(user):
    """The active bodies the user may put a proposal to (two queries): those where an
    association they represent sits today."""
    represented = represented_ids(user)
    if not represented:
        return Body.objects.none()
    members = set(Association.objects.members().filter(pk__in=represented)
                  .values_list("pk", flat=True))
    if not members:
        return Body.objects.none()
    today = timezone.localdate()
    seated = Body.objects.filter(current_filter(today, "seats__"),
                                 seats__association_id__in=members)
    return Body.objects.active().filter(
        Q(kind=BodyKind.PLENARY) | Q(pk__in=seated.values("pk"))
    )


def proposing_associations(user, body):
    """The associations the user may put a proposal to the body for."""
    return represented_ids(user) & sitting_ids(user, body)


def can_give_meeting_proxy(user, body_meeting):
    """May give (or take back) the proxy of an association for a meeting: the
    representative of an association sitting in the body."""
    return bool(represented_ids(user) & sitting_ids(user, body_meeting.body))
