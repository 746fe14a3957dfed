"""Giving an association's proxy for one online ballot, and taking it back.

The limits are the `Proxy` model's (`clean()`: how many proxies a holder carries, a holder
that gave its own vote away, a body without proxies). Both happen under a lock on the
ballot, so that a proxy never arrives after the ballot is counted, nor two proxies past
the limit at once.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.governance.models import Ballot, BallotMode, Proxy
from extranet.governance.permissions import proxy_giver_ids


def _locked_open_ballot(ballot):
    ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
    if ballot.mode != BallotMode.ONLINE:
        raise ValidationError(_("Pour un vote en réunion, la procuration se donne pour la "
                                "réunion."))
    if ballot.is_closed or (ballot.closes_at and timezone.now() >= ballot.closes_at):
        raise ValidationError(_("Ce vote est clos : plus aucune procuration ne s'y donne."))
    return ballot


def give_proxy(ballot, giver, holder, *, by):
    """`giver` hands its vote in `ballot` to `holder`; `by` represents `giver`."""
    with transaction.atomic():
        ballot = _locked_open_ballot(ballot)
        if giver.pk not in proxy_giver_ids(by, ballot):
            raise PermissionDenied
        if not ballot.electors.filter(association=holder).exists():
            raise ValidationError(_("Cette association n'est pas appelée à ce vote."))
        proxy = Proxy(ballot=ballot, giver=giver, holder=holder, given_by=by)
        proxy.full_clean()
        proxy.save()
    return proxy


def take_back_proxy(proxy, *, by):
    """The giver's representative takes the proxy back: the association votes itself again
    (a vote its holder cast in its name stays, until it changes it)."""
    with transaction.atomic():
        _locked_open_ballot(proxy.ballot)
        proxy = Proxy.objects.select_for_update().get(pk=proxy.pk)
        if proxy.giver_id not in proxy_giver_ids(by, proxy.ballot):
            raise PermissionDenied
        if proxy.revoked_at is None:
            proxy.revoked_at = timezone.now()
            proxy.save(update_fields=["revoked_at"])
    return proxy
