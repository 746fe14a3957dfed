"""The proxies of an online ballot: every member sees who holds whose vote; the
representative of an association called to vote gives its proxy to another, or takes it
back, until the ballot closes (extranet.governance.proxies)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import Association
from extranet.accounts.permissions import member_required
from extranet.governance import proxies
from extranet.governance.ballot_forms import ProxyForm
from extranet.governance.ballot_views import ballot_or_404
from extranet.governance.models import BallotMode, Proxy
from extranet.governance.permissions import proxy_giver_ids


@member_required
def ballot_proxy(request, ballot_id):
    ballot = ballot_or_404(ballot_id)
    givers = proxy_giver_ids(request.user, ballot)
    still_open = (ballot.mode == BallotMode.ONLINE and not ballot.is_closed
                  and timezone.now() < ballot.closes_at)
    if request.method == "POST":
        if not givers:
            raise PermissionDenied
        if not still_open:
            messages.error(request, _("Ce vote est clos : plus aucune procuration ne s'y "
                                      "donne."))
            return redirect("extranet:ballot_proxy", ballot_id=ballot.pk)
        if "take_back" in request.POST:
            return _take_back(request, ballot, givers)
    # The other associations called to vote: not the one giving (when there is one).
    electors = Association.objects.filter(
        pk__in=ballot.electors.values("association_id")
    ).exclude(pk__in=givers if len(givers) == 1 else ())
    form = ProxyForm(request.POST or None, givers=Association.objects.filter(pk__in=givers),
                     electors=electors)
    if request.method == "POST" and form.is_valid():
        try:
            proxies.give_proxy(ballot, form.cleaned_data["giver"], form.cleaned_data["holder"],
                               by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("%(giver)s a donné procuration à %(holder)s pour ce "
                                        "vote.") % {"giver": form.cleaned_data["giver"].name,
                                                     "holder": form.cleaned_data["holder"].name})
            return redirect("extranet:ballot_proxy", ballot_id=ballot.pk)
    active = list(Proxy.objects.active().filter(ballot=ballot)
                  .select_related("giver", "holder").order_by("holder__name", "giver__name"))
    return render(request, "extranet/governance/ballot_proxy.html", {
        "ballot": ballot, "body": ballot.proposal.body, "form": form,
        "proxies": active, "my_proxies": [p for p in active if p.giver_id in givers],
        "can_give": bool(givers) and still_open
        and not givers <= {p.giver_id for p in active},
        "still_open": still_open, "givers": givers,
    })


def _take_back(request, ballot, givers):
    proxy_id = request.POST["take_back"]
    proxy = get_object_or_404(Proxy.objects.active().select_related("giver", "ballot"),
                              pk=int(proxy_id) if proxy_id.isdigit() else 0, ballot=ballot)
    if proxy.giver_id not in givers:
        raise PermissionDenied
    try:
        proxies.take_back_proxy(proxy, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(giver)s a repris sa procuration : elle vote "
                                    "elle-même.") % {"giver": proxy.giver.name})
    return redirect("extranet:ballot_proxy", ballot_id=ballot.pk)
