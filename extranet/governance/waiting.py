"""Which ballots wait for a person's vote, and how many associations took part so far, read
for many ballots at once (the lists, the governance screen, the extranet's home): a fixed
number of queries whatever the number of ballots.

Whom the user may vote for in each ballot is `voting.rights_by_ballot()`'s, the one rule of
who votes.
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from extranet.governance import voting
from extranet.governance.models import Ballot, BallotMode, Elector, Vote
from extranet.governance.permissions import represented_ids

WAITING = 10  # on the extranet's home


def _count_of(model):
    rows = (model.objects.filter(ballot=OuterRef("pk")).order_by().values("ballot")
            .annotate(n=Count("pk")).values("n"))
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_participation(ballots):
    """`elector_count` (associations called to vote) and `voted_count` (associations that
    voted so far) on each ballot, and its proposal and body read with it."""
    return ballots.select_related("proposal__body").annotate(
        elector_count=_count_of(Elector), voted_count=_count_of(Vote),
    )


def not_voted(rights):
    """{ballot id: set of association ids} among `rights` that have not voted yet (one
    query)."""
    wanted = {association for by_ballot in rights.values() for association in by_ballot}
    if not wanted:
        return {}
    voted = set(Vote.objects.filter(ballot_id__in=rights, association_id__in=wanted)
                .values_list("ballot_id", "association_id"))
    waiting = {}
    for ballot, by_ballot in rights.items():
        missing = {a for a in by_ballot if (ballot, a) not in voted}
        if missing:
            waiting[ballot] = missing
    return waiting


@dataclass
class Waiting:
    ballot: Ballot
    association_ids: set = field(default_factory=set)


def votes_waiting(user, limit=WAITING, now=None):
    """The open online ballots where an association the user may vote for has not voted
    yet, the soonest to close first (at most five queries, and the memberships)."""
    if not represented_ids(user):
        return []
    open_ids = list(Ballot.objects.open(now).filter(mode=BallotMode.ONLINE)
                    .values_list("pk", flat=True))
    waiting = not_voted(voting.rights_by_ballot(user, open_ids))
    if not waiting:
        return []
    ballots = (Ballot.objects.filter(pk__in=waiting).select_related("proposal__body")
               .order_by("closes_at", "pk")[:limit])
    return [Waiting(ballot, waiting[ballot.pk]) for ballot in ballots]
