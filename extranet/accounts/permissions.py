"""Who may use the extranet, and with which role: the rules every part of it builds on
(gathered with the groups' and the news' rules in extranet/permissions.py).

Being a Wagtail editor (staff, editor groups) or a superuser grants nothing here: the extranet
is for people with a current membership of a member association, and the admin is for
editors; one person may be both, by holding both.

A person's current memberships are read once per request (one query) and kept on the user
object, and so are the associations coordinating the collective today (one more query, only
for a member); `forget(user)` drops both after a change made in the same request.

Coordinators are the people with a current coordinator role, and the people acting today
(whatever their role) for an association whose term of coordination runs today
(extranet.accounts.coordination, filled by the governance): their rights start on the
term's first day and end after its last one.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from extranet.accounts.coordination import coordinating_association_ids
from extranet.accounts.models import Membership, Role

CACHE_ATTRIBUTE = "_extranet_current_memberships"
COORDINATING_ATTRIBUTE = "_extranet_coordinating_associations"


def current_memberships(user):
    """The user's memberships in force today, association loaded, by association name."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    memberships = getattr(user, CACHE_ATTRIBUTE, None)
    if memberships is None:
        memberships = list(
            Membership.objects.current().filter(person=user)
            .select_related("association").order_by("association__name", "pk")
        )
        setattr(user, CACHE_ATTRIBUTE, memberships)
    return memberships


def forget(user):
    """Read the memberships (and who coordinates) again at the next question (after
    changing them)."""
    for attribute in (CACHE_ATTRIBUTE, COORDINATING_ATTRIBUTE):
        if hasattr(user, attribute):
            delattr(user, attribute)


def coordinating_ids(user):
    """The associations coordinating the collective today (Paris date), read once per
    request and kept on the user object."""
    ids = getattr(user, COORDINATING_ATTRIBUTE, None)
    if ids is None:
        ids = frozenset(coordinating_association_ids(timezone.localdate()))
        setattr(user, COORDINATING_ATTRIBUTE, ids)
    return ids


def is_member(user):
    """May use the extranet: acts for at least one association today."""
    return bool(current_memberships(user))


def is_coordinator(user):
    """Runs the network: a current membership with the coordination role, or acts today for
    an association whose term of coordination runs today."""
    memberships = current_memberships(user)
    if any(m.role == Role.COORDINATOR for m in memberships):
        return True
    return bool(memberships) and bool(
        {m.association_id for m in memberships} & coordinating_ids(user)
    )


def role_in(user, association):
    """The user's current role in `association` (a Role value), or None."""
    association_id = getattr(association, "pk", association)
    for membership in current_memberships(user):
        if membership.association_id == association_id:
            return membership.role
    return None


def can_edit_association(user, association):
    """May change the association's public record: its current representative, or a
    coordinator."""
    return is_coordinator(user) or role_in(user, association) == Role.REPRESENTATIVE


def member_required(view):
    """Anonymous visitors go to the login page (and come back after it); signed-in people
    without a current membership get the 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return refuse_non_member(request) or view(request, *args, **kwargs)

    return wrapper


class MemberRequiredMixin:
    """`member_required` for class-based views."""

    def dispatch(self, request, *args, **kwargs):
        return refuse_non_member(request) or super().dispatch(request, *args, **kwargs)


def refuse_non_member(request):
    """None for a member; the redirect to the login page for an anonymous visitor;
    PermissionDenied (the 403 page) for anybody else. (Coordinators without a second factor
    never get here: extranet.second_factor sends them to set it up first.)"""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
    if not is_member(request.user):
        raise PermissionDenied
    return None


def association_ids(user):
    """The ids of the associations the user acts for today."""
    return {membership.association_id for membership in current_memberships(user)}
