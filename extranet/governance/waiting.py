"""Which ballots wait for a person's vote, and how many associations took part so far, read
for many ballots at once (the lists, the governance screen, the extranet's home): a fixed
number of queries whatever the number of ballots.

`rights_by_ballot()` answers, for many online ballots, what `voting.voting_rights()` answers
for one: whom the user may vote for (their own associations called to vote that did not give
their proxy, and the associations whose proxy one of them holds for the ballot).
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from extranet.governance.models import Ballot, BallotMode, Elector, Proxy, Vote
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


def rights_by_ballot(user, ballot_ids):
    """{ballot id: {association id: proxy holder id or None}} for the online ballots of
    `ballot_ids` (two queries, none if the user represents no association)."""
    represented = represented_ids(user)
    if not represented or not ballot_ids:
        return {}
    proxies = list(
        Proxy.objects.active().filter(ballot_id__in=ballot_ids)
        .filter(Q(giver_id__in=represented) | Q(holder_id__in=represented))
        .values_list("ballot_id", "giver_id", "holder_id")
    )
    held_givers = {giver for _ballot, giver, holder in proxies if holder in represented}
    electors = set(
        Elector.objects.filter(ballot_id__in=ballot_ids)
        .filter(association_id__in=represented | held_givers)
        .values_list("ballot_id", "association_id")
    )
    given = {(ballot, giver) for ballot, giver, _holder in proxies}
    rights = {}
    for ballot, association in electors:
        if association in represented and (ballot, association) not in given:
            rights.setdefault(ballot, {})[association] = None
    for ballot, giver, holder in proxies:
        if holder in represented and (ballot, giver) in electors:
            rights.setdefault(ballot, {})[giver] = holder
    return rights


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
    waiting = not_voted(rights_by_ballot(user, open_ids))
    if not waiting:
        return []
    ballots = (Ballot.objects.filter(pk__in=waiting).select_related("proposal__body")
               .order_by("closes_at", "pk")[:limit])
    return [Waiting(ballot, waiting[ballot.pk]) for ballot in ballots]
