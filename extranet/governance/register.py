"""Writing to the decision register and checking it.

`publish()` gives the next number of the year and chains the decision to the last one of the
register, under a lock on that last one: decisions written at once are written one after
the other. (Should two ever both follow one decision, the `previous` link is unique: the
second is refused and written again.) `verify()` reads
the register in the order it was written and names the first decision whose hash or link does
not hold.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from extranet.governance.models import Decision
from extranet.governance.signals import decision_published

ATTEMPTS = 3


def publish(*, body, title, text, decided_on, outcome, is_public=False, ballot=None,
            body_meeting=None, supersedes=None, by=None):
    """Write one decision in the register and return it. The tally, the quorum and the
    meeting come from the ballot when there is one."""
    fields = {
        "body": body, "title": title, "text": text, "decided_on": decided_on,
        "outcome": outcome, "is_public": is_public, "ballot": ballot,
        "body_meeting": body_meeting or (ballot.body_meeting if ballot else None),
        "supersedes": supersedes, "published_by": by,
    }
    if ballot is not None:
        fields.update(
            electorate=ballot.electorate, counted_present=ballot.counted_present,
            votes_for=ballot.votes_for, votes_against=ballot.votes_against,
            abstentions=ballot.abstentions, quorum_met=ballot.quorum_met,
        )
    with transaction.atomic():
        for attempt in range(ATTEMPTS):
            try:
                with transaction.atomic():
                    decision = _append(fields)
                break
            except IntegrityError:
                if attempt == ATTEMPTS - 1:
                    raise
        decision_published.send(sender=Decision, decision=decision)
    return decision


def _append(fields):
    last = _lock_last()
    year = fields["decided_on"].year
    sequence = (Decision.objects.filter(year=year).aggregate(last=Max("sequence"))["last"]
                or 0) + 1
    decision = Decision(year=year, sequence=sequence, number=f"{year}-{sequence:03d}",
                        previous=last, published_at=timezone.now(), **fields)
    decision.hash = decision.compute_hash()
    decision.save()
    return decision


def _lock_last():
    """The last decision of the register, locked until the end of the transaction. Whoever
    waited for the lock reads the register again: the decision it waited on may no longer
    be the last one."""
    locked = None
    while True:
        last = Decision.objects.select_for_update().order_by("-pk").first()
        if last is None or (locked is not None and last.pk == locked.pk):
            return last
        locked = last


@dataclass(frozen=True)
class BrokenLink:
    number: str
    reason: str


def verify():
    """None when every decision's hash is right and follows the one before; otherwise the
    first broken link."""
    previous = None
    checked = 0
    for decision in Decision.objects.select_related("previous").order_by("pk").iterator(
        chunk_size=500
    ):
        expected_previous = previous.pk if previous else None
        if decision.previous_id != expected_previous:
            return BrokenLink(decision.number, "link"), checked
        if decision.compute_hash() != decision.hash:
            return BrokenLink(decision.number, "hash"), checked
        previous = decision
        checked += 1
    return None, checked
