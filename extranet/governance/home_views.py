"""The governance's screen: what is at the vote and how many associations took part, the
ballots to count, the proposals waiting for a vote, the bodies' next meetings and the latest
decisions. Every member sees it; coordinators see the actions."""

from django.shortcuts import render
from django.utils import timezone

from extranet.accounts.permissions import member_required
from extranet.governance import waiting
from extranet.governance.models import Ballot, BallotMode, BodyMeeting, Decision, Proposal
from extranet.governance.permissions import can_count_ballot, can_open_ballot
from extranet.groups.models import Meeting

SHORT_LIST = 10


@member_required
def governance_home(request):
    now = timezone.now()
    open_ballots = list(waiting.with_participation(Ballot.objects.open(now))
                        .order_by("closes_at", "pk")[:SHORT_LIST])
    due = list(waiting.with_participation(Ballot.objects.due(now)
                                          .filter(mode=BallotMode.ONLINE))
               .order_by("closes_at", "pk")[:SHORT_LIST])
    proposals = list(Proposal.objects.open().filter(ballots__isnull=True)
                     .select_related("body", "author_association")
                     .order_by("created_at", "pk")[:SHORT_LIST])
    meetings = list(BodyMeeting.objects.filter(meeting__in=Meeting.objects.upcoming(now))
                    .select_related("body", "meeting").order_by("meeting__starts_at", "pk")
                    [:SHORT_LIST])
    return render(request, "extranet/governance/governance_home.html", {
        "open_ballots": open_ballots, "due_ballots": due, "proposals": proposals,
        "body_meetings": meetings,
        "decisions": list(Decision.objects.with_links()[:SHORT_LIST]),
        "can_count": can_count_ballot(request.user),
        "can_open": can_open_ballot(request.user),
    })
