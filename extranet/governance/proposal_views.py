"""The proposals' pages: the list, putting a proposal to a body, a proposal with its
discussion (comments and amendments), changing and withdrawing it, withdrawing a comment,
taking an amendment in, and the attachments' downloads (members only). Who may do what is
extranet/governance/permissions.py's; the operations are proposal_services'."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.accounts.permissions import is_coordinator, member_required
from extranet.documents import links
from extranet.governance import proposal_services as services
from extranet.governance.models import Body, Proposal, ProposalAttachment, ProposalComment
from extranet.governance.permissions import (
    can_change_proposal,
    can_discuss_proposal,
    can_open_ballot,
    can_propose,
    can_remove_proposal_comment,
    can_take_in_amendment,
    proposable_bodies,
    proposal_is_open_to_change,
)
from extranet.governance.proposal_forms import CommentForm, ProposalFilterForm, ProposalForm
from portal.uploads import private_download

PROPOSALS_PER_PAGE = 20


def _proposal(proposal_id):
    return get_object_or_404(
        Proposal.objects.select_related("body", "author_association", "author"),
        pk=proposal_id,
    )


def comment_counts():
    counted = (ProposalComment.objects.visible().filter(proposal=OuterRef("pk")).order_by()
               .values("proposal").annotate(count=Count("pk")).values("count"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


@member_required
def proposal_list(request):
    """Every proposal, newest first, by body and by state."""
    filters = ProposalFilterForm(request.GET)
    proposals = filters.filter(
        Proposal.objects.select_related("body", "author_association")
    ).annotate(comment_count=comment_counts())
    page = Paginator(proposals, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "extranet/governance/proposal_list.html", {
        "filters": filters,
        "proposals": page,
        "query_string": filters.query_string(),
        "can_propose": proposable_bodies(request.user).exists(),
    })


@member_required
def proposal_create(request):
    """Put a proposal to a body (?instance=slug chooses it) for an association the user
    represents there."""
    initial = {}
    if request.GET.get("instance"):
        body = get_object_or_404(Body, slug=request.GET["instance"])
        if not can_propose(request.user, body):
            raise PermissionDenied
        initial["body"] = body
    elif not proposable_bodies(request.user).exists():
        raise PermissionDenied
    form = ProposalForm(request.POST or None, request.FILES or None, user=request.user,
                        initial=initial, instance=Proposal())
    if request.method == "POST" and form.is_valid():
        proposal = services.save_proposal(form, by=request.user)
        messages.success(request, _("Votre proposition est déposée."))
        return redirect(proposal)
    return render(request, "extranet/governance/proposal_form.html", {"form": form})


@member_required
def proposal_detail(request, proposal_id):
    """The proposal, its attachments and discussion; its people comment here (POST)."""
    proposal = _proposal(proposal_id)
    may_discuss = can_discuss_proposal(request.user, proposal)
    if request.method == "POST" and not may_discuss:
        raise PermissionDenied
    form = (CommentForm(request.POST or None, user=request.user, proposal=proposal)
            if may_discuss else None)
    if request.method == "POST" and form.is_valid():
        services.add_comment(form, proposal, request.user)
        messages.success(request, _("Votre contribution est publiée."))
        return redirect(f"{proposal.get_absolute_url()}#discussion")
    may_change = can_change_proposal(request.user, proposal)
    open_to_change = proposal_is_open_to_change(proposal)
    return render(request, "extranet/governance/proposal_detail.html", {
        "proposal": proposal,
        "attachments": proposal.attachments.all(),
        "library": links.shown(request.user, proposal.library_documents),
        "effect_associations": proposal.effect_associations.order_by("name"),
        "comments": proposal.comments.select_related("author", "association"),
        "form": form,
        "may_change": may_change and open_to_change,
        "may_take_in": open_to_change and can_take_in_amendment(request.user, proposal),
        "can_remove_any": is_coordinator(request.user),
        "ballots": proposal.ballots.order_by("-opens_at", "-pk"),
        "may_open_ballot": (can_open_ballot(request.user) and not proposal.is_withdrawn
                            and not proposal.ballots.filter(closed_at__isnull=True).exists()),
    })


def _changeable(request, proposal_id):
    """The proposal, if the user may change it and it may still change (else refused)."""
    proposal = _proposal(proposal_id)
    if not can_change_proposal(request.user, proposal):
        raise PermissionDenied
    try:
        services.refuse_once_put_to_vote(proposal)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        return proposal, redirect(proposal)
    return proposal, None


@member_required
def proposal_edit(request, proposal_id):
    proposal, refused = _changeable(request, proposal_id)
    if refused:
        return refused
    form = ProposalForm(request.POST or None, request.FILES or None, user=request.user,
                        instance=proposal)
    if request.method == "POST" and form.is_valid():
        services.save_proposal(form, by=request.user)
        messages.success(request, _("La proposition est modifiée."))
        return redirect(proposal)
    return render(request, "extranet/governance/proposal_form.html", {
        "form": form, "proposal": proposal, "attachments": proposal.attachments.all(),
    })


@member_required
def proposal_withdraw(request, proposal_id):
    """Asks first (GET), withdraws (POST): the proposal stays, marked withdrawn."""
    proposal, refused = _changeable(request, proposal_id)
    if refused:
        return refused
    if request.method == "POST":
        try:
            services.withdraw(proposal)
        except ValidationError as refusal:
            messages.error(request, refusal.messages[0])
        else:
            messages.success(request, _("La proposition « %(title)s » est retirée.")
                             % {"title": proposal.title})
        return redirect(proposal)
    return render(request, "extranet/governance/proposal_withdraw.html",
                  {"proposal": proposal})


def _comment(comment_id):
    return get_object_or_404(
        ProposalComment.objects.visible().select_related(
            "proposal__body", "proposal__author_association", "author", "association",
        ),
        pk=comment_id,
    )


@member_required
def proposal_comment_withdraw(request, comment_id):
    """Asks first (GET), withdraws (POST): the text is no longer shown, the row stays."""
    comment = _comment(comment_id)
    if not can_remove_proposal_comment(request.user, comment):
        raise PermissionDenied
    if request.method == "POST":
        services.withdraw_comment(comment, by=request.user)
        messages.success(request, _("La contribution est retirée."))
        return redirect(f"{comment.proposal.get_absolute_url()}#discussion")
    return render(request, "extranet/governance/comment_withdraw.html", {"comment": comment})


@require_POST
@member_required
def proposal_amendment_take_in(request, comment_id):
    """The author association's representative takes the amendment into the text (before
    the vote)."""
    amendment = _comment(comment_id)
    proposal = amendment.proposal
    if not can_take_in_amendment(request.user, proposal):
        raise PermissionDenied
    try:
        services.take_in(amendment)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
    else:
        messages.success(request, _("L'amendement est repris : c'est désormais le texte de "
                                    "la proposition."))
    return redirect(proposal)


@member_required
def proposal_attachment_download(request, attachment_id):
    """The file, to members only (see portal.uploads.private_download)."""
    attachment = get_object_or_404(ProposalAttachment, pk=attachment_id)
    return private_download(attachment.file, attachment.filename, attachment.content_type)
