"""Operations on memberships. They are the only way a membership starts, changes role or
ends, so that each of these leaves a `RoleChange` (who, when) in the same transaction.
Memberships are ended, never deleted."""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from extranet.accounts.models import Membership, RoleChange


@transaction.atomic
def save_membership(membership, by):
    """Save a membership made or edited elsewhere (a form, the admin), recording its start,
    a change of role and its end. Checks the rules first (ValidationError)."""
    membership.full_clean()
    previous = None
    if membership.pk:
        previous = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if previous is None:
        membership.created_by = by
    membership.save()
    changes = []
    if previous is None:
        changes.append(("", membership.role))
    elif previous.role != membership.role:
        changes.append((previous.role, membership.role))
    if membership.ends_on is not None and (previous is None or previous.ends_on is None):
        changes.append((membership.role, ""))
    RoleChange.objects.bulk_create(
        RoleChange(membership=membership, old_role=old, new_role=new, changed_by=by)
        for old, new in changes
    )
    refresh_member_associations([membership.association_id])
    return membership


def refresh_member_associations(association_ids=None):
    """`Association.is_member` from the memberships: an association is a member of the
    collective while somebody currently acts for it. Run for the associations a change
    touched, and every day for all (`manage.py refresh_member_associations`: memberships
    start and end by date). Returns how many associations changed."""
    from directory.models import Association
    from directory.signals import association_changed

    associations = Association.objects.all()
    if association_ids is not None:
        associations = associations.filter(pk__in=association_ids)
    current = Membership.objects.current().filter(association=OuterRef("pk"))
    associations = associations.annotate(should_be=Exists(current))
    changed = associations.exclude(is_member=F("should_be"))
    count = 0
    for value in (True, False):
        count += Association.objects.filter(
            pk__in=changed.filter(should_be=value).values("pk")
        ).update(is_member=value)
    if count:
        association_changed(sender=Association)  # update() sends no signal
    return count


def add_membership(person, association, role, by, starts_on=None):
    """`person` starts acting for `association` with `role`."""
    membership = Membership(person=person, association=association, role=role)
    if starts_on is not None:
        membership.starts_on = starts_on
    return save_membership(membership, by)


def change_role(membership, new_role, by):
    """Give a membership another role; returns the RoleChange written (None if unchanged)."""
    if membership.role == new_role:
        return None
    with _restored_on_error(membership, "role"):
        membership.role = new_role
        save_membership(membership, by)
    return membership.role_changes.order_by("-changed_at", "-pk").first()


def end_membership(membership, by, on=None):
    """The person stops acting for the association after `on` (today by default)."""
    with _restored_on_error(membership, "ends_on"):
        membership.ends_on = on or timezone.localdate()
        return save_membership(membership, by)


@contextmanager
def _restored_on_error(instance, field):
    """A refused change leaves the object as it was, not only the database."""
    value = getattr(instance, field)
    try:
        yield
    except Exception:
        setattr(instance, field, value)
        raise
