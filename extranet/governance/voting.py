"""Opening a ballot, casting an association's vote, and counting it all when it closes.

Only an association's current representative votes for it, or the representative of the
association holding its proxy for that ballot (or for the meeting where it is held). Each
vote is written under a lock on the ballot: two people voting for one association at once
make one vote (the database also refuses a second `Vote`), the later choice replacing the
earlier while the ballot is open. Nothing changes once it is closed.
"""

import hashlib
import hmac
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.governance import coordination, register, rules
from extranet.governance.models import (
    Ballot,
    BallotMode,
    Choice,
    Effect,
    Elector,
    Outcome,
    Paper,
    Proxy,
    Vote,
)
from extranet.governance.models.meetings import COUNTED, Attendance
from extranet.governance.permissions import represented_ids


def rights_by_ballot(user, ballot_ids):
    """{ballot id: {association id: id of the proxy holder it votes through, or None}}: whom
    the user may vote for in each online ballot of `ballot_ids` (two queries, none if the
    user represents no association). Their own associations called to vote, and those whose
    proxy one of them holds for the ballot; an association that gave its proxy votes through
    its holder (it takes its proxy back to vote itself)."""
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


def voting_rights(user, ballot):
    """`rights_by_ballot()` for one online ballot."""
    return rights_by_ballot(user, [ballot.pk]).get(ballot.pk, {})


def open_ballot(proposal, *, by, mode=BallotMode.ONLINE, closes_at=None, body_meeting=None,
                secret=False, opens_at=None):
    """Put the proposal to the vote of the associations of its body, as they are now."""
    if proposal.is_withdrawn:
        raise ValidationError(_("Cette proposition a été retirée."))
    if proposal.ballots.filter(closed_at__isnull=True).exists():
        raise ValidationError(_("Cette proposition est déjà au vote."))
    if proposal.effect == Effect.COORDINATION:
        coordination.check_coordination_effect(
            proposal.body, proposal.effect_associations.all(), proposal.effect_starts_on)
    ballot = Ballot(
        proposal=proposal, mode=mode, closes_at=closes_at, body_meeting=body_meeting,
        secret=secret, opens_at=opens_at or timezone.now(), opened_by=by,
        seal_key=secrets.token_hex(32) if secret else "",
    )
    ballot.full_clean()
    with transaction.atomic():
        ballot.save()
        Elector.objects.bulk_create(
            Elector(ballot=ballot, association_id=pk)
            for pk in proposal.body.member_associations().values_list("pk", flat=True)
        )
    return ballot


def seal(ballot, association_id):
    return hmac.new(ballot.seal_key.encode(), str(association_id).encode(),
                    hashlib.sha256).hexdigest()


def cast_vote(ballot, association, choice, *, by, now=None):
    """The association's vote in an online ballot, cast or changed by `by`."""
    if choice not in Choice.values:
        raise ValidationError(_("Choisissez pour, contre ou abstention."))
    with transaction.atomic():
        ballot = Ballot.objects.select_for_update().select_related("proposal").get(pk=ballot.pk)
        if ballot.mode != BallotMode.ONLINE:
            raise ValidationError(_("Ce vote a lieu en réunion : le ou la secrétaire de séance "
                                    "note les voix."))
        if not ballot.is_open(now):
            raise ValidationError(_("Ce vote n'est pas ouvert : plus rien ne peut y changer."))
        rights = voting_rights(by, ballot)
        if association.pk not in rights:
            raise PermissionDenied
        return _write_vote(ballot, association, choice, by, rights[association.pk], now)


def record_meeting_vote(ballot, association, choice, *, by, now=None):
    """The secretary notes the vote of an association present or represented at the
    meeting (the right to do it is checked by the view: extranet.governance.permissions)."""
    if choice not in Choice.values:
        raise ValidationError(_("Choisissez pour, contre ou abstention."))
    with transaction.atomic():
        ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
        if ballot.mode != BallotMode.MEETING or ballot.is_closed:
            raise ValidationError(_("Ce vote n'est pas ouvert : plus rien ne peut y changer."))
        if not ballot.electors.filter(association=association).exists():
            raise ValidationError(_("Cette association n'est pas appelée à ce vote."))
        attendance = Attendance.objects.filter(
            body_meeting_id=ballot.body_meeting_id, association=association,
            status__in=COUNTED,
        ).first()
        if attendance is None:
            raise ValidationError(_("Cette association n'est ni présente ni représentée : "
                                    "notez d'abord sa présence."))
        return _write_vote(ballot, association, choice, by, attendance.represented_by_id, now)


def _write_vote(ballot, association, choice, by, holder_id, now):
    now = now or timezone.now()
    vote = Vote.objects.filter(ballot=ballot, association=association).first()
    if vote is None:
        vote = Vote(ballot=ballot, association=association, cast_at=now)
    else:
        vote.changed_at = now
    vote.cast_by, vote.proxy_holder_id = by, holder_id
    vote.choice = "" if ballot.secret else choice
    vote.save()
    if ballot.secret:
        Paper.objects.update_or_create(ballot=ballot, seal=seal(ballot, association.pk),
                                       defaults={"choice": choice})
    return vote


def close_ballot(ballot, *, by=None, now=None):
    """Count the ballot (once): the tally, the quorum, the outcome under the body's rule; the
    secret papers lose their seal; an outcome other than "no decision" goes to the register.
    An online ballot closes when its window is over; a meeting's when the secretary says."""
    now = now or timezone.now()
    with transaction.atomic():
        ballot = Ballot.objects.select_for_update().select_related(
            "proposal__body"
        ).get(pk=ballot.pk)
        if ballot.is_closed:
            return ballot
        if ballot.mode == BallotMode.ONLINE and now < ballot.closes_at:
            raise ValidationError(_("Ce vote reste ouvert jusqu'à sa clôture."))
        tally = count(ballot)
        body = ballot.proposal.body
        ballot.quorum_met, ballot.outcome = rules.outcome(tally, body.majority,
                                                         body.quorum_percent)
        ballot.electorate, ballot.counted_present = tally.electorate, tally.present
        ballot.votes_for, ballot.votes_against = tally.votes_for, tally.votes_against
        ballot.abstentions, ballot.closed_at, ballot.seal_key = tally.abstentions, now, ""
        ballot.save()
        ballot.papers.update(seal=None)
        if ballot.outcome != Outcome.NO_DECISION:
            register.publish(
                body=body, title=ballot.proposal.title, text=ballot.proposal.text,
                decided_on=timezone.localdate(now), outcome=ballot.outcome, ballot=ballot,
                is_public=ballot.proposal.is_public and ballot.outcome == Outcome.ADOPTED,
                by=by,
            )
    return ballot


def count(ballot):
    """The ballot's `rules.Tally` as the votes (or papers) stand."""
    records = ballot.papers if ballot.secret else ballot.votes
    counted = dict.fromkeys(Choice.values, 0) | dict(
        records.order_by().values("choice").annotate(n=Count("pk")).values_list("choice", "n")
    )
    electorate = ballot.electors.count()
    if ballot.mode == BallotMode.MEETING:
        present = Attendance.objects.filter(
            body_meeting_id=ballot.body_meeting_id, status__in=COUNTED,
            association_id__in=ballot.electors.values("association_id"),
        ).count()
    else:
        present = ballot.votes.count()
    return rules.Tally(electorate=electorate, present=present, votes_for=counted[Choice.FOR],
                       votes_against=counted[Choice.AGAINST],
                       abstentions=counted[Choice.ABSTAIN])


def close_due_ballots(now=None):
    """Count every online ballot whose window is over (the `close_ballots` command)."""
    closed = []
    for ballot in Ballot.objects.due(now).order_by("closes_at", "pk"):
        closed.append(close_ballot(ballot, now=now))
    return closed
