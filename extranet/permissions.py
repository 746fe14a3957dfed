"""Who may do what in the extranet: the one place that says it.

Views use the decorators (`member_required`) or the mixin, templates the filters of
`extranet_tags`, other apps the functions. Being a Wagtail editor (staff, editor groups) or a
superuser grants nothing here: the extranet is for people with a current membership of a
member association, and the admin is for editors; one person may be both, by holding both.

A person's current memberships are read once per request (one query) and kept on the user
object; `forget(user)` drops them after a change made in the same request.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from extranet.accounts.models import Membership, Role

CACHE_ATTRIBUTE = "_extranet_current_memberships"


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
    """Read the memberships again at the next question (after changing them)."""
    if hasattr(user, CACHE_ATTRIBUTE):
        delattr(user, CACHE_ATTRIBUTE)


def is_member(user):
    """May use the extranet: acts for at least one association today."""
    return bool(current_memberships(user))


def is_coordinator(user):
    """Runs the network: a current membership with the coordination role."""
    return any(m.role == Role.COORDINATOR for m in current_memberships(user))


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


# News (extranet.news) ---------------------------------------------------------------------
# Every member reads every post and comments on it; anybody may post to the whole network,
# and to a working group they take part in. Authors edit and withdraw their own words,
# coordinators anybody's; only coordinators pin.


def can_post_news(user, group=None):
    """May publish a post (to `group`, or to the whole network)."""
    if not is_member(user):
        return False
    return group is None or is_coordinator(user) or is_in_group(user, group)


def can_pin_news(user):
    return is_coordinator(user)


def can_change_post(user, post):
    """May edit or withdraw the post: its author (still a member), or a coordinator."""
    return is_member(user) and (post.author_id == user.pk or is_coordinator(user))


def can_comment(user, post):
    return is_member(user) and post.removed_at is None


def can_remove_comment(user, comment):
    return is_member(user) and (comment.author_id == user.pk or is_coordinator(user))


# Working groups (extranet.groups) ---------------------------------------------------------
# Every member sees every group, its tasks and meetings, and may join or leave a group.
# Coordinators create, change and archive groups, and call the meetings of the whole
# network. A group's tasks and meetings are managed by the people of its lead association and
# by coordinators; a task's status is also moved by the people of its responsible association
# and by the person in charge of it. An archived group is a record: nothing in it changes.

GROUP_MEMBERS_ATTRIBUTE = "_extranet_group_ids"


def group_ids(user):
    """The ids of the groups the user takes part in today (one query per request)."""
    if not is_member(user):
        return set()
    ids = getattr(user, GROUP_MEMBERS_ATTRIBUTE, None)
    if ids is None:
        from extranet.groups.models import GroupMember

        ids = set(GroupMember.objects.current().filter(person=user)
                  .values_list("group_id", flat=True))
        setattr(user, GROUP_MEMBERS_ATTRIBUTE, ids)
    return ids


def forget_groups(user):
    if hasattr(user, GROUP_MEMBERS_ATTRIBUTE):
        delattr(user, GROUP_MEMBERS_ATTRIBUTE)


def is_in_group(user, group):
    return getattr(group, "pk", group) in group_ids(user)


def association_ids(user):
    """The ids of the associations the user acts for today."""
    return {membership.association_id for membership in current_memberships(user)}


def can_manage_groups(user):
    """May create, change and archive working groups."""
    return is_coordinator(user)


def can_join_group(user, group):
    return is_member(user) and not group.is_archived


def can_leave_group(user, group):
    """An archived group keeps its participants, as a record."""
    return is_member(user) and not group.is_archived


def can_manage_group(user, group):
    """May add and change the group's tasks and meetings: a coordinator, or a person of the
    lead association."""
    if not is_member(user) or group.is_archived:
        return False
    return is_coordinator(user) or group.lead_association_id in association_ids(user)


def can_update_task(user, task):
    """May move the task's status: the group's managers, the responsible association's
    people, the person in charge (not in an archived group: its tasks are a record)."""
    if not is_member(user) or task.group.is_archived:
        return False
    return (
        can_manage_group(user, task.group)
        or task.responsible_association_id in association_ids(user)
        or task.assignee_id == user.pk
    )


def can_manage_network_meetings(user):
    """May call meetings of the whole network (no group)."""
    return is_coordinator(user)


def can_manage_meeting(user, meeting):
    """May change or cancel the meeting: its group's managers; coordinators for a meeting of
    the whole network."""
    if meeting.group_id is None:
        return can_manage_network_meetings(user)
    return can_manage_group(user, meeting.group)
