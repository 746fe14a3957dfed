"""The online ballots' pages: putting a proposal to the vote, the ballots, one ballot (where
an association's representative votes, or its proxy holder), and counting one whose window
is over. Who may do what is extranet/governance/permissions.py's; the votes are
extranet.governance.voting's."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from directory.models import Association
from extranet.accounts.permissions import member_required
from extranet.governance import voting, waiting
from extranet.governance.ballot_forms import BallotOpenForm, VoteForm
from extranet.governance.models import Ballot, BallotMode, Choice, Proposal, Vote
from extranet.governance.permissions import can_count_ballot, can_open_ballot

BALLOTS_PER_PAGE = 20


def ballot_or_404(ballot_id):
    return get_object_or_404(Ballot.objects.select_related("proposal__body",
                                                           "body_meeting__meeting"),
                             pk=ballot_id)


@member_required
def ballot_open(request, proposal_id):
    """Coordinators put a proposal to an online vote over a window."""
    if not can_open_ballot(request.user):
        raise PermissionDenied
    proposal = get_object_or_404(Proposal.objects.select_related("body",
                                                                 "author_association"),
                                 pk=proposal_id)
    form = BallotOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ballot = voting.open_ballot(
                proposal, by=request.user, mode=BallotMode.ONLINE,
                opens_at=form.cleaned_data["opens_at"],
                closes_at=form.cleaned_data["closes_at"], secret=form.cleaned_data["secret"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("La proposition est mise au vote."))
            return redirect("extranet:ballot_detail", ballot_id=ballot.pk)
    return render(request, "extranet/governance/ballot_open.html", {
        "form": form, "proposal": proposal,
    })


@member_required
def ballot_list(request):
    """The ballots not counted yet first (the soonest to close first), marked where an
    association the person may vote for has not voted; then the counted ones, the latest
    first."""
    ballots = waiting.with_participation(Ballot.objects.select_related("decision")).order_by(
        Case(When(closed_at__isnull=True, then=Value(0)), default=Value(1),
             output_field=IntegerField()),
        F("closes_at").asc(nulls_last=True), F("closed_at").desc(), "-pk",
    )
    page = Paginator(ballots, BALLOTS_PER_PAGE).get_page(request.GET.get("page"))
    now = timezone.now()
    open_ids = [ballot.pk for ballot in page if ballot.mode == BallotMode.ONLINE
                and ballot.is_open(now)]
    to_vote = waiting.not_voted(voting.rights_by_ballot(request.user, open_ids))
    return render(request, "extranet/governance/ballot_list.html", {
        "ballots": page, "to_vote": to_vote, "now": now,
    })


def _my_forms(ballot, rights):
    """One vote form per association the person may vote for, with its current vote."""
    holders = {holder for holder in rights.values() if holder}
    names = dict(Association.objects.filter(pk__in=set(rights) | holders)
                 .values_list("pk", "name"))
    votes = {vote.association_id: vote for vote in Vote.objects.filter(
        ballot=ballot, association_id__in=rights)}
    forms = []
    for pk in sorted(rights, key=names.get):
        association = {"pk": pk, "name": names[pk]}
        vote = votes.get(pk)
        initial = {"association": pk,
                   "choice": vote.choice if vote and vote.choice else None}
        forms.append({
            "association": association, "vote": vote,
            "through": names.get(rights[pk]),
            "form": VoteForm(initial=initial, auto_id=f"id_%s_{pk}"),
        })
    return forms


@member_required
def ballot_detail(request, ballot_id):
    """The proposal, its body's rules, the window and the participation; the person's vote
    forms while the ballot is open; the result once it is counted."""
    ballot = ballot_or_404(ballot_id)
    if request.method == "POST":
        return _cast(request, ballot)
    is_open = ballot.mode == BallotMode.ONLINE and ballot.is_open()
    rights = voting.voting_rights(request.user, ballot) if is_open else {}
    context = {
        "ballot": ballot, "body": ballot.proposal.body, "proposal": ballot.proposal,
        "is_open": is_open, "vote_forms": _my_forms(ballot, rights) if rights else [],
        "electorate": ballot.electors.count(), "voted": ballot.votes.count(),
        "can_count": can_count_ballot(request.user), "now": timezone.now(),
    }
    if ballot.is_closed:
        context["decision"] = getattr(ballot, "decision", None)
        context["votes"] = ballot.votes.select_related("association", "proxy_holder").order_by(
            "association__name")
    return render(request, "extranet/governance/ballot_detail.html", context)


def _cast(request, ballot):
    """Cast or change one association's vote: refused (403) for an association the person
    may not vote for; a closed window or a missing choice is said, and nothing changes."""
    form = VoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez pour, contre ou abstention : rien n'a changé."))
        return redirect("extranet:ballot_detail", ballot_id=ballot.pk)
    association = Association.objects.filter(pk=form.cleaned_data["association"]).first()
    if association is None:
        raise PermissionDenied
    try:
        voting.cast_vote(ballot, association, form.cleaned_data["choice"], by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Le vote de %(association)s est enregistré : "
                                    "%(choice)s.") % {
            "association": association.name,
            "choice": Choice(form.cleaned_data["choice"]).label,
        })
    return redirect("extranet:ballot_detail", ballot_id=ballot.pk)


@member_required
@require_POST
def ballot_close(request, ballot_id):
    """Coordinators count an online ballot whose window is over (`close_ballots` does it
    on schedule, too)."""
    if not can_count_ballot(request.user):
        raise PermissionDenied
    ballot = ballot_or_404(ballot_id)
    try:
        ballot = voting.close_ballot(ballot, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Le vote est dépouillé : %(outcome)s.")
                         % {"outcome": ballot.get_outcome_display()})
    return redirect("extranet:ballot_detail", ballot_id=ballot.pk)
