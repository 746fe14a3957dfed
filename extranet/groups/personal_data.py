"""What the working groups hold on people (their participation, the tasks in their charge),
its export, its erasure and its retention period (registered in portal.personal_data by
extranet.groups.apps).

Erasing ends the person's current participations (the account itself is closed by the
accounts' erasure, so the group's history shows an anonymous participant). Participations
that ended more than GROUP_MEMBER_RETENTION_DAYS ago are deleted by `manage.py
purge_personal_data`: the group no longer needs to know who was in it then.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from extranet.groups.models import GroupMember, Task
from portal.personal_data import Retention, delete_records, iso_datetime, people


def export(email):
    persons = people(email)
    participations = (GroupMember.objects.filter(person__in=persons)
                      .select_related("group").order_by("joined_on", "pk"))
    tasks = (Task.objects.filter(assignee__in=persons)
             .select_related("group").order_by("created_at", "pk"))
    return [
        {"group": member.group.name, "joined_on": member.joined_on.isoformat(),
         "left_on": member.left_on.isoformat() if member.left_on else None}
        for member in participations
    ] + [
        {"group": task.group.name, "task": task.title, "status": str(task.get_status_display()),
         "created_at": iso_datetime(task.created_at)}
        for task in tasks
    ]


def erase(email, now):
    """End the current participations of `email`'s accounts: the number ended."""
    today = timezone.localdate(now)
    with transaction.atomic():
        current = GroupMember.objects.filter(person__in=people(email), left_on__isnull=True)
        ended = 0
        for member in current:
            member.left_on = max(today, member.joined_on)
            member.save(update_fields=["left_on"])
            ended += 1
    return ended


def ended_participations(now, days):
    cutoff = timezone.localdate(now) - datetime.timedelta(days=days)
    return GroupMember.objects.filter(left_on__lt=cutoff)



RETENTION = [
    Retention(
        setting="GROUP_MEMBER_RETENTION_DAYS",
        label="Participations aux groupes de travail terminées",
        outcome="supprimées",
        expired=ended_participations,
        purge=delete_records,
    ),
]
