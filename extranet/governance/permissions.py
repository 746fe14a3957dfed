"""Who may do what in the governance (gathered in extranet/permissions.py).

Every member reads the bodies, the proposals, the ballots and the register: "que chacun ait
sa place". An association acts through its current representative: it proposes, votes and
gives its proxy. Coordinators run the bodies: they create them and their seats, put
proposals to the vote, convene the meetings; a meeting's secretary keeps its attendance,
votes and minutes.
"""

from extranet.accounts.models import Role
from extranet.accounts.permissions import current_memberships, is_coordinator, is_member


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


def can_give_meeting_proxy(user, body_meeting):
    """May give (or take back) the proxy of an association for a meeting: the
    representative of an association sitting in the body."""
    return bool(represented_ids(user) & sitting_ids(user, body_meeting.body))
