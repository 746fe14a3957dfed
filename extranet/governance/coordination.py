"""The rotating coordination: who coordinates the collective when.

A term (models/bodies.py `CoordinationTerm`) is given by a body's decision (a proposal with
the COORDINATION effect, adopted: `start_term_of_decision`, a receiver of
`decision_published`) or by the body's rotation order (`next_by_rotation`). The people of
the associations of the current term are the extranet's coordinators for its days
(`associations_coordinating_on`, registered in extranet.accounts.coordination).

Where the checks happen: a proposal with the COORDINATION effect is checked when it is put
forward and when it is put to the vote (`check_coordination_effect`): the body gives terms,
the associations are members, the first day is set and no other term of the body covers the
days. When its decision is written, the term is only created. Should another term have taken
those days in between (a rotation designated while the vote ran), the decision is written all
the same (the register records what the body voted; refusing it would leave the ballot open
for ever and stop `close_ballots`), no term is created, and the coordination page lists the
decision among those waiting to be settled by the coordinators.
"""

import datetime
import logging

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.governance.models import (
    Body,
    CoordinationTerm,
    Decision,
    Effect,
    Outcome,
    RotationPlace,
)

logger = logging.getLogger(__name__)


def associations_coordinating_on(on_date):
    """The associations of the terms running on `on_date` (one query)."""
    return set(
        CoordinationTerm.associations.through.objects
        .filter(coordinationterm__starts_on__lte=on_date,
                coordinationterm__ends_on__gte=on_date)
        .values_list("association_id", flat=True)
    )


def term_end(body, starts_on):
    """The last day of a term of the body starting on `starts_on`: a term of 12 months from
    1 March ends on the last day of February."""
    if not body.coordination_term_months:
        raise ValidationError(_("L'instance « %(body)s » ne confie pas la coordination : "
                                "fixez d'abord la durée de ses mandats.") % {"body": body})
    return starts_on + relativedelta(months=body.coordination_term_months) - datetime.timedelta(
        days=1)


def check_coordination_effect(body, associations, starts_on):
    """Refuse a COORDINATION effect that could not become a term (ValidationError): for the
    proposal's form and before its ballot opens."""
    associations = list(associations)
    if not associations:
        raise ValidationError(_("Nommez la ou les associations à qui confier la coordination."))
    if any(not association.is_member for association in associations):
        raise ValidationError(_("Seules des associations membres du collectif coordonnent."))
    if starts_on is None:
        raise ValidationError(_("Indiquez le premier jour du mandat de coordination."))
    CoordinationTerm(body=body, starts_on=starts_on, ends_on=term_end(body, starts_on)).clean()


def create_term(*, body, associations, starts_on, chosen_by, decision=None, by=None):
    """Create a term of the body's length (ValidationError if it overlaps another)."""
    term = CoordinationTerm(body=body, starts_on=starts_on, ends_on=term_end(body, starts_on),
                            chosen_by=chosen_by, decision=decision, created_by=by)
    term.full_clean()
    term.save()
    term.associations.set(associations)
    return term


def start_term_of_decision(sender, decision, **kwargs):
    """`decision_published`: an adopted proposal with the COORDINATION effect starts its
    term. Runs inside the transaction writing the decision: the term is created in a
    savepoint, so that a term that can no longer be created leaves the decision written."""
    if decision.ballot_id is None or decision.outcome != Outcome.ADOPTED:
        return None
    proposal = decision.ballot.proposal
    if proposal.effect != Effect.COORDINATION:
        return None
    try:
        with transaction.atomic():
            return create_term(
                body=proposal.body, associations=proposal.effect_associations.all(),
                starts_on=proposal.effect_starts_on, chosen_by=CoordinationTerm.Choice.DECISION,
                decision=decision, by=decision.published_by,
            )
    except ValidationError as error:
        logger.warning("Decision %s: no coordination term (%s)", decision.number,
                       "; ".join(error.messages))
        return None


def unsettled_decisions():
    """Adopted decisions entrusting the coordination whose term could not be created."""
    return (
        Decision.objects.filter(outcome=Outcome.ADOPTED,
                                ballot__proposal__effect=Effect.COORDINATION,
                                coordination_terms__isnull=True)
        .select_related("body").order_by("-published_at")
    )


def next_by_rotation(body, by=None):
    """Designate the next association of the body's rotation order: the one after the
    association(s) of the body's last term (wrapping round, skipping those no longer
    members of the body), from the day after that term (today at the earliest), for the
    body's length of term."""
    with transaction.atomic():
        Body.objects.select_for_update().filter(pk=body.pk).first()  # one designation at once
        last = body.coordination_terms.order_by("-ends_on", "-pk").first()
        association = _next_in_order(body, last)
        today = timezone.localdate()
        starts_on = max(last.ends_on + datetime.timedelta(days=1), today) if last else today
        return create_term(body=body, associations=[association], starts_on=starts_on,
                           chosen_by=CoordinationTerm.Choice.ROTATION, by=by)


def _next_in_order(body, last):
    places = list(body.rotation_places.select_related("association").order_by("position"))
    sitting = set(body.member_associations().filter(
        pk__in=[place.association_id for place in places]).values_list("pk", flat=True))
    if not sitting:
        raise ValidationError(_("L'ordre de rotation ne compte aucune association membre : "
                                "fixez-le d'abord."))
    previous = set(last.associations.values_list("pk", flat=True)) if last else set()
    ranks = [index for index, place in enumerate(places) if place.association_id in previous]
    start = max(ranks) + 1 if ranks else 0
    for step in range(len(places)):
        place = places[(start + step) % len(places)]
        if place.association_id in sitting:
            return place.association
    raise AssertionError("unreachable: some association sits")


def set_rotation(body, association_ids):
    """The body's rotation order: these associations, in this order (ranks 1, 2, 3…)."""
    sitting = set(body.member_associations().filter(pk__in=association_ids)
                  .values_list("pk", flat=True))
    if set(association_ids) - sitting:
        raise ValidationError(_("Seules les associations membres de l'instance prennent leur "
                                "tour."))
    if len(set(association_ids)) != len(association_ids):
        raise ValidationError(_("Chaque association n'a qu'un rang."))
    with transaction.atomic():
        body.rotation_places.all().delete()
        RotationPlace.objects.bulk_create(
            RotationPlace(body=body, association_id=pk, position=position)
            for position, pk in enumerate(association_ids, start=1)
        )


def hand_over(term):
    """The incoming team has taken the handover list over."""
    if term.handed_over_at is None:
        term.handed_over_at = timezone.now()
        term.save(update_fields=["handed_over_at"])
    return term


def current_and_upcoming(on=None):
    """The terms running on a day (today) and the next ones, associations loaded."""
    on = on or timezone.localdate()
    terms = list(
        CoordinationTerm.objects.filter(ends_on__gte=on)
        .select_related("body", "decision").prefetch_related("associations")
        .order_by("starts_on", "pk")
    )
    return ([term for term in terms if term.starts_on <= on],
            [term for term in terms if term.starts_on > on])
