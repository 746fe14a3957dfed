"""The life of a join request: `ask_to_join` (the public form: `submit`, or an email saying
why the request is not needed), then `accept` or `decline` (a coordinator, from the admin).
Each step is written to the request's log (`JoinRequestStep`) in the same transaction, and
every email leaves through a background task once the transaction is committed."""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.services import sign_charter
from directory.models import Association
from extranet.accounts.models import Role
from extranet.accounts.services import invite
from joining import tasks
from joining.member_associations import refresh_member_associations
from joining.models import (
    ALREADY_MEMBER_CODE,
    ALREADY_PENDING,
    ALREADY_PENDING_CODE,
    DECLINE_NEEDS_MESSAGE,
    CollectiveMembership,
    JoinRequest,
    JoinRequestStep,
    JoinStatus,
    JoinStepKind,
)
from portal.background import enqueue_after_commit

MODERATE_PERMISSION = "joining.moderate_joinrequest"


def can_moderate(user):
    """Who accepts or declines requests: active people with the moderation permission
    (the coordinators' group has it), and superusers."""
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


def log(join_request, kind, by=None, message=""):
    return JoinRequestStep.objects.create(join_request=join_request, kind=kind, by=by,
                                          message=message)


def ask_to_join(data, language):
    """What the public form does with the request it validated (`data`: its cleaned data):
    `submit` it, unless its association is a member already or has a pending request; then
    nothing is recorded and the address typed is told why by email, for the form answers the
    same whatever the association (it tells a stranger nothing). Returns the request recorded,
    or None."""
    join_request = new_request(data, language)
    reason = join_request.already_known()
    if reason is None:
        try:
            return submit(data, language)
        except ValidationError as error:  # a twin request came meanwhile?
            reason = next((code for code in _codes(error)
                           if code in (ALREADY_MEMBER_CODE, ALREADY_PENDING_CODE)), None)
            if reason is None:
                raise
    enqueue_after_commit(tasks.tell_already_known, join_request.email,
                         join_request.first_name, join_request.association_name, reason,
                         language)
    return None


def _codes(error):
    errors = error.error_dict.get(NON_FIELD_ERRORS, []) if hasattr(error, "error_dict") \
        else error.error_list
    return [item.code for item in errors]


def new_request(data, language):
    """The (unsaved) request of the form's cleaned data."""
    return JoinRequest(
        association=data.get("association"),
        proposed_name="" if data.get("association") else data.get("proposed_name", ""),
        proposed_rna_id="" if data.get("association") else data.get("proposed_rna_id", ""),
        proposed_siret="" if data.get("association") else data.get("proposed_siret", ""),
        proposed_postcode="" if data.get("association") else data.get("proposed_postcode", ""),
        proposed_commune=None if data.get("association") else data.get("proposed_commune"),
        sector=data["sector"],
        first_name=data["first_name"],
        last_name=data["last_name"],
        email=data["email"].strip(),
        role=data["role"],
        motivation=data["motivation"],
        charter_version=data["charter_version"],
        charter_accepted_at=timezone.now(),
        language=language,
    )


def submit(data, language):
    """Record the request the form validated (`data`: its cleaned data) and enqueue the
    acknowledgement to the representative and the notice to the coordinators. Raises
    ValidationError for a duplicate (the model's rules, checked again under the lock of the
    database constraints)."""
    join_request = new_request(data, language)
    join_request.full_clean()
    try:
        with transaction.atomic():
            join_request.save()
            log(join_request, JoinStepKind.SUBMITTED)
            pk = join_request.pk
            enqueue_after_commit(tasks.acknowledge, pk)
            enqueue_after_commit(tasks.tell_coordinators, pk)
    except IntegrityError as error:  # a twin request won the race
        raise ValidationError(ALREADY_PENDING, code=ALREADY_PENDING_CODE) from error
    return join_request


def _locked_pending(join_request):
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if not locked.is_pending:
        raise ValidationError(
            _("Cette demande a déjà reçu une réponse (%(status)s) : rien n'a été changé.")
            % {"status": locked.get_status_display()}
        )
    return locked


def _check_moderator(user):
    if not can_moderate(user):
        raise PermissionDenied


def accept(join_request, by, message=""):
    """The association becomes a member: added to the directory if it was not there, an
    adhesion from today, the charter signed at the version the request accepted, and its
    representative invited to the extranet. All or nothing."""
    _check_moderator(by)
    with transaction.atomic():
        join_request = _locked_pending(join_request)
        association = join_request.association
        if association is None:
            association = _create_association(join_request)
            log(join_request, JoinStepKind.ASSOCIATION_CREATED, by=by, message=association.name)
        elif association.is_member:
            raise ValidationError(_("Cette association est devenue membre entre-temps : "
                                    "refusez cette demande en l'expliquant."))
        association.sectors.add(join_request.sector)
        CollectiveMembership.objects.create(association=association, join_request=join_request)
        refresh_member_associations([association.pk])
        version = join_request.charter_version
        sign_charter(association, version, by=by,
                     on=timezone.localdate(join_request.charter_accepted_at))
        log(join_request, JoinStepKind.CHARTER_SIGNED, by=by,
            message=_("Version %(number)s") % {"number": version.number})
        # Its email leaves once all this is committed.
        invitation = invite(join_request.email, association, Role.REPRESENTATIVE, by,
                            first_name=join_request.first_name,
                            last_name=join_request.last_name)
        join_request.status = JoinStatus.ACCEPTED
        join_request.decided_at = timezone.now()
        join_request.decided_by = by
        join_request.decision_message = message or ""
        join_request.linked_association = association
        join_request.invitation = invitation
        join_request.save(update_fields=["status", "decided_at", "decided_by",
                                         "decision_message", "linked_association",
                                         "invitation"])
        log(join_request, JoinStepKind.ACCEPTED, by=by, message=message or "")
        log(join_request, JoinStepKind.INVITATION_SENT, by=by, message=invitation.email)
        pk = join_request.pk
        enqueue_after_commit(tasks.welcome, pk)
    return join_request


def _create_association(join_request):
    association = Association(
        name=join_request.proposed_name, rna_id=join_request.proposed_rna_id,
        siret=join_request.proposed_siret, postcode=join_request.proposed_postcode,
        commune=join_request.proposed_commune, published=True,
        source=Association.Source.MANUAL,
    )
    association.full_clean()
    association.save()
    return association


def decline(join_request, by, message):
    """Refuse the request, saying why (the message is emailed to the representative)."""
    _check_moderator(by)
    if not (message or "").strip():
        raise ValidationError({"decision_message": DECLINE_NEEDS_MESSAGE})
    with transaction.atomic():
        join_request = _locked_pending(join_request)
        join_request.status = JoinStatus.DECLINED
        join_request.decided_at = timezone.now()
        join_request.decided_by = by
        join_request.decision_message = message.strip()
        join_request.save(update_fields=["status", "decided_at", "decided_by",
                                         "decision_message"])
        log(join_request, JoinStepKind.DECLINED, by=by, message=join_request.decision_message)
        pk = join_request.pk
        enqueue_after_commit(tasks.tell_declined, pk)
    return join_request
