"""What the governance holds on people, and its export (registered in portal.personal_data by
extranet.governance.apps).

The governance records what associations do: their proposals, comments, votes and proxies
are the collective's history and stay when a person leaves; the person's name goes with their
account (the accounts' erasure closes it, and these records then show an anonymous person).
Nothing here is erased on its own, and no retention period applies: a decision's record
must stay whole. What it says of a person is exported: the proposals and comments they wrote,
the votes they cast for an association (a secret ballot's choice is nowhere to export), the
proxies they gave, the meetings they kept as secretary.
"""

from extranet.governance.models import BodyMeeting, Proposal, ProposalComment, Proxy, Vote
from portal.personal_data import iso_datetime, people


def export(email):
    persons = people(email)
    proposals = Proposal.objects.filter(author__in=persons).select_related(
        "body", "author_association").order_by("created_at", "pk")
    comments = ProposalComment.objects.filter(author__in=persons).select_related(
        "proposal", "association").order_by("created_at", "pk")
    votes = Vote.objects.filter(cast_by__in=persons).select_related(
        "ballot__proposal", "association").order_by("cast_at", "pk")
    proxies = Proxy.objects.filter(given_by__in=persons).select_related(
        "giver", "holder").order_by("given_at", "pk")
    meetings = BodyMeeting.objects.filter(secretary__in=persons).select_related(
        "meeting", "body").order_by("meeting__starts_at", "pk")
    return [
        {"proposal": proposal.title, "body": proposal.body.name,
         "association": proposal.author_association.name,
         "created_at": iso_datetime(proposal.created_at)}
        for proposal in proposals
    ] + [
        {"proposal": comment.proposal.title, "kind": comment.kind, "text": comment.text,
         "association": comment.association.name, "created_at": iso_datetime(comment.created_at)}
        for comment in comments
    ] + [
        {"ballot": vote.ballot.proposal.title, "association": vote.association.name,
         "choice": vote.choice or "secret", "cast_at": iso_datetime(vote.cast_at)}
        for vote in votes
    ] + [
        {"proxy_from": proxy.giver.name, "proxy_to": proxy.holder.name,
         "given_at": iso_datetime(proxy.given_at)}
        for proxy in proxies
    ] + [
        {"secretary_of": str(meeting.meeting), "body": meeting.body.name,
         "starts_at": iso_datetime(meeting.meeting.starts_at)}
        for meeting in meetings
    ]
