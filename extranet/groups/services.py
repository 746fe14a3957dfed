"""Operations on working groups, their tasks and meetings, each done `by` a person. Views
check who may (groups/permissions.py) and call these; they check the rules (ValidationError,
with a French message) and save. Nothing is deleted: people leave (`left_on`), tasks are
done or cancelled, meetings cancelled (`cancelled_at`)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.groups.models import GroupMember, TaskStatus
from extranet.groups.permissions import forget_groups


def save_group(group, by):
    """Create or change a group (a coordinator, `by`). Its address is made from its name the
    first time (`WorkingGroup.free_slug`), and then stays."""
    if not group.slug:
        group.slug = group.free_slug()
    group.full_clean()
    group.save()
    return group


def join_group(group, by):
    """`by` takes part in the group from today (a new line, even after leaving before)."""
    if group.is_archived:
        raise ValidationError(_("Ce groupe est archivé : on ne le rejoint plus."))
    already = _("Vous participez déjà à ce groupe.")
    if GroupMember.objects.current().filter(group=group, person=by).exists():
        raise ValidationError(already)
    try:
        with transaction.atomic():
            place = GroupMember.objects.create(group=group, person=by)
    except IntegrityError as error:  # Two clicks at once: the constraint keeps one.
        raise ValidationError(already) from error
    forget_groups(by)
    return place


@transaction.atomic
def leave_group(group, by):
    """`by` stops taking part in the group today; the line stays, with its dates."""
    place = GroupMember.objects.select_for_update().current().filter(
        group=group, person=by
    ).first()
    if place is None:
        raise ValidationError(_("Vous ne participez pas à ce groupe."))
    place.left_on = max(timezone.localdate(), place.joined_on)
    place.save(update_fields=["left_on"])
    forget_groups(by)
    return place


def save_task(task, by):
    """Create or change a task (a manager of its group, `by`)."""
    if task.group.is_archived:
        raise ValidationError(_("Ce groupe est archivé : ses tâches ne changent plus."))
    if task.pk is None:
        task.created_by = by
    task.full_clean()
    task.save()
    return task


def update_task_status(task, status, by):
    """Move a task to `status` (done, cancelled…): tasks are cancelled, never deleted."""
    if task.group.is_archived:
        raise ValidationError(_("Ce groupe est archivé : ses tâches ne changent plus."))
    if status not in TaskStatus.values:
        raise ValidationError(_("Cet état n'existe pas."))
    task.status = status
    task.save(update_fields=["status", "updated_at"])
    return task


def save_meeting(meeting, by):
    """Call a meeting (of a group, or of the whole network without one), or change it."""
    if meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est annulée : elle ne change plus."))
    if meeting.group is not None and meeting.group.is_archived:
        raise ValidationError(_("Ce groupe est archivé : il ne se réunit plus."))
    if meeting.pk is None:
        meeting.created_by = by
    meeting.full_clean()
    meeting.save()
    return meeting


def cancel_meeting(meeting, by):
    """Cancel a meeting: it stays, marked cancelled, and leaves the lists of meetings to
    come."""
    if meeting.is_cancelled:
        raise ValidationError(_("Cette réunion est déjà annulée."))
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    return meeting
