"""Who may do what in the working groups (gathered in extranet/permissions.py)."""

from extranet.accounts.permissions import association_ids, is_coordinator, is_member
from extranet.groups.models import GroupMember

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
        ids = set(GroupMember.objects.current().filter(person=user)
                  .values_list("group_id", flat=True))
        setattr(user, GROUP_MEMBERS_ATTRIBUTE, ids)
    return ids


def forget_groups(user):
    if hasattr(user, GROUP_MEMBERS_ATTRIBUTE):
        delattr(user, GROUP_MEMBERS_ATTRIBUTE)


def is_in_group(user, group):
    return getattr(group, "pk", group) in group_ids(user)


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
