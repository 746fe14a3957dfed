"""The end of an association's adhesion to the collective: it leaves at its own request, the
plenary assembly excludes it (a decision of the register), or it is dissolved.

`end_adhesion` ends the adhesion (`CollectiveMembership.ends_on`, with why, who and when) and,
on the same day, every membership of its people in the extranet (through
extranet.accounts.services, which writes their `RoleChange`): they keep their access until
that day, not after. `Association.is_member` follows (joining.member_associations: from the
day after, the association is called to no vote, counted in no body). Nothing is deleted: the
adhesion, the memberships and their history stay; the association may ask to join again.
An association that was a member only because somebody acted for it (before adhesions
existed) gets an adhesion record for the period, ended the same way, so that its end is
written somewhere.

Also here: who may end an adhesion from the extranet (`can_leave`), the receiver of the
governance's `decision_published` (an adopted exclusion ends the adhesion), and the daily
sweep of dissolved associations (`end_dissolved_adhesions`, run by
`manage.py refresh_member_associations`).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Association
from extranet.accounts.models import Membership, Role
from extranet.accounts.permissions import is_coordinator, role_in
from extranet.accounts.services import end_membership
from extranet.governance.models import Effect, Outcome
from joining import tasks
from joining.member_associations import refresh_member_associations
from joining.models import CollectiveMembership, EndReason
from portal.background import enqueue_after_commit

# Dated by a decision of the register or by the association registry, these may lie in the
# past; a departure is asked for today or a later day.
DATED_ELSEWHERE = {EndReason.EXCLUDED, EndReason.DISSOLVED}


def can_leave(user, association):
    """Who may end an association's adhesion from the extranet: its current representative,
    or a coordinator."""
    return is_coordinator(user) or role_in(user, association) == Role.REPRESENTATIVE


def current_adhesion(association, on=None):
    """The adhesion in force on `on` (today by default) and after it: not ended, or ending
    later (a departure already recorded), or None."""
    on = on or timezone.localdate()
    return (CollectiveMembership.objects.filter(association=association, starts_on__lte=on)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on))
            .order_by("-starts_on", "-pk").first())


def scheduled_end(association):
    """The adhesion whose end is recorded but still to come (the association leaves on its
    `ends_on`), or None."""
    return (CollectiveMembership.objects.filter(association=association,
                                                ends_on__gte=timezone.localdate())
            .order_by("-ends_on").first())


def memberships_to_end(association, on):
    """Its people's memberships still in force after `on` (or starting after it)."""
    return (Membership.objects.filter(association=association)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__gt=on)).order_by("pk"))


def adhesion_to_end(association, on):
    """The adhesion that `end_adhesion` would end on `on`: the current one, or, for an
    association that is a member only because people act for it (no adhesion record, as
    before adhesions existed), a new record from the first of their memberships. None when
    neither."""
    adhesion = current_adhesion(association, on)
    if adhesion is not None:
        return adhesion
    first = memberships_to_end(association, on).aggregate(first=Min("starts_on"))["first"]
    if first is None:
        return None
    return CollectiveMembership(association=association, starts_on=first)


@transaction.atomic
def end_adhesion(association, *, on, reason, note="", by=None, decision=None):
    """End the association's adhesion on `on` (its last day) for `reason` (an EndReason),
    and its people's memberships on the same day; tell them and the coordinators by email
    once committed. Refused (ValidationError, nothing changed): a day in the past (except
    for an exclusion or a dissolution), a day before the adhesion started, an association
    that is not a member. Returns the adhesion ended."""
    if reason not in EndReason.values:
        raise ValidationError(_("Dites pourquoi l'adhésion prend fin."))
    if on < timezone.localdate() and reason not in DATED_ELSEWHERE:
        raise ValidationError(_("La date de fin ne peut pas être passée."))
    Association.objects.select_for_update().filter(pk=association.pk).first()
    adhesion = adhesion_to_end(association, on)
    if adhesion is None:
        raise ValidationError(_("Cette association n'a pas d'adhésion en cours à cette date."))
    if on < adhesion.starts_on:
        raise ValidationError(_("La fin ne peut pas précéder le début de l'adhésion (le "
                                "%(date)s).") % {"date": adhesion.starts_on.strftime("%d/%m/%Y")})
    adhesion.ends_on, adhesion.end_reason, adhesion.end_note = on, reason, note.strip()
    adhesion.ended_by, adhesion.ended_at, adhesion.decision = by, timezone.now(), decision
    adhesion.full_clean()
    adhesion.save()
    people = []
    for membership in memberships_to_end(association, on):
        # A membership starting after the end (seldom) lasts its first day only.
        end_membership(membership, by, on=max(on, membership.starts_on))
        people.append(membership.person_id)
    refresh_member_associations([association.pk])
    enqueue_after_commit(tasks.tell_adhesion_ended, adhesion.pk, people)
    return adhesion


def exclusion_decided(sender, decision, **kwargs):
    """Receiver of extranet.governance.signals.decision_published: an adopted proposal to
    exclude an association ends its adhesion on the day of the decision, the decision
    linked (inside the decision's transaction: if this fails, the decision is not written).
    An association that is no longer a member is left as it is."""
    ballot = decision.ballot
    if ballot is None or decision.outcome != Outcome.ADOPTED:
        return
    if ballot.proposal.effect != Effect.EXCLUSION:
        return
    for association in ballot.proposal.effect_associations.all():
        _end_for(association, decision.decided_on, EndReason.EXCLUDED,
                 note=decision.number, decision=decision)


def end_dissolved_adhesions():
    """End the adhesion of every dissolved association that still has one open, or people
    acting for it with no end, on its dissolution day. Returns how many were ended."""
    today = timezone.localdate()
    dissolved = Association.objects.filter(dissolved_on__lte=today).filter(
        Q(collective_memberships__isnull=False, collective_memberships__ends_on__isnull=True)
        | Q(memberships__isnull=False, memberships__ends_on__isnull=True)
    ).distinct().order_by("pk")
    return sum(
        _end_for(association, association.dissolved_on, EndReason.DISSOLVED) is not None
        for association in dissolved
    )


def _end_for(association, on, reason, **kwargs):
    """End the adhesion on `on`, or on its first day if it started later (a date that comes
    from elsewhere: the register, the association registry). None if not a member."""
    adhesion = current_adhesion(association) or adhesion_to_end(association, on)
    if adhesion is None:
        return None
    return end_adhesion(association, on=max(on, adhesion.starts_on), reason=reason, **kwargs)
