"""Operations on proposals, used by the views: putting and changing a proposal with its
attachments and the library's documents it cites, withdrawing it, discussing it, and taking
an amendment into its text. Nothing is deleted: a withdrawn proposal or comment keeps its
row. Who may do what is for the caller to check (extranet/governance/permissions.py)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from extranet.documents import links
from extranet.governance.models import Proposal, ProposalAttachment
from portal.uploads import clean_filename, content_type_of


@transaction.atomic
def save_proposal(form, by):
    """Save the proposal of a valid ProposalForm (put by `by` if it is new), the associations
    its effect names, its new attachments and the library's documents it cites (those `by`
    does not read stay linked)."""
    proposal = form.save(commit=False)
    if proposal.pk is None:
        proposal.author = by
    proposal.save()
    form.save_m2m()
    links.relink(proposal.library_documents, form.cleaned_data["library_documents"], by)
    attach(proposal, form.cleaned_data["attachments"])
    return proposal


def attach(proposal, uploads):
    """Keep each checked upload (portal.uploads.check) under PRIVATE_MEDIA_ROOT."""
    for upload in uploads:
        name = clean_filename(upload.name)
        attachment = ProposalAttachment(proposal=proposal, filename=name[:255],
                                        content_type=content_type_of(name), size=upload.size)
        attachment.file.save(name, upload, save=False)
        attachment.save()


def refuse_once_put_to_vote(proposal):
    """Raise ValidationError if the proposal is withdrawn or has a ballot (open or closed)."""
    if proposal.is_withdrawn:
        raise ValidationError(_("Cette proposition est retirée."))
    if proposal.ballots.exists():
        raise ValidationError(_("Cette proposition est mise au vote : elle ne change plus."))


@transaction.atomic
def withdraw(proposal):
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    refuse_once_put_to_vote(proposal)
    proposal.withdrawn_at = timezone.now()
    proposal.save(update_fields=["withdrawn_at"])
    return proposal


def add_comment(form, proposal, author):
    comment = form.save(commit=False)
    comment.proposal = proposal
    comment.author = author
    comment.save()
    return comment


def withdraw_comment(comment, by):
    """The comment's text is no longer shown; its row stays, with who withdrew it."""
    comment.removed_at = timezone.now()
    comment.removed_by = by
    comment.save(update_fields=["removed_at", "removed_by"])
    return comment


@transaction.atomic
def take_in(amendment):
    """Replace the proposal's text with the amendment's, keeping the text it replaces on the
    amendment; refused once the proposal is put to the vote."""
    proposal = Proposal.objects.select_for_update().get(pk=amendment.proposal_id)
    refuse_once_put_to_vote(proposal)
    if not amendment.is_amendment or amendment.is_removed or amendment.taken_in_at:
        raise ValidationError(_("Cet amendement ne peut pas être repris."))
    amendment.replaced_text = proposal.text
    amendment.taken_in_at = timezone.now()
    amendment.save(update_fields=["replaced_text", "taken_in_at"])
    proposal.text = amendment.text
    proposal.save(update_fields=["text"])
    return proposal

