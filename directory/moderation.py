"""The moderation of the changes associations propose to their public record.

An association's representative proposes (`submit`); an editor accepts (`approve`: the
changed fields, and the new logo, go public at once) or refuses with a message (`reject`).
Each step is kept on the request (who, when, what) and written to Wagtail's history of the
association, so that the moderation is visible in the admin and can be audited. The
association and the editors hear of each step by email, sent in the background.
"""

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection

from directory import tasks
from directory.models import Association, AssociationChangeRequest, serialize_value
from portal.background import enqueue_after_commit

SUBMITTED = "directory.change_request.submit"
APPROVED = "directory.change_request.approve"
REJECTED = "directory.change_request.reject"
WITHDRAWN = "directory.change_request.withdraw"
LOGO_COLLECTION = "Logos des associations"
SEEN_SALT = "directory.change-request.seen"
SEEN_MAX_AGE = 7 * 24 * 60 * 60


def current_values(association):
    return {
        name: serialize_value(getattr(association, name))
        for name in AssociationChangeRequest.FIELDS
    }


def pending_request(association):
    return association.change_requests.filter(
        status=AssociationChangeRequest.Status.PENDING
    ).first()


def draft_for(association):
    """What the extranet form starts from: the pending proposal, else the public record."""
    pending = pending_request(association)
    if pending is not None:
        return pending
    return AssociationChangeRequest(
        association=association,
        **{name: getattr(association, name) for name in AssociationChangeRequest.FIELDS},
    )


def seen_token(association):
    """A signed copy of the record as the form shows it, sent back with the form: what the
    representative did not touch is then not proposed, even if the record changed meanwhile."""
    return signing.dumps({"association": association.pk, "values": current_values(association)},
                         salt=SEEN_SALT)


def seen_values(association, token):
    """The record's values when the form was shown (None if the token is absent or bad)."""
    try:
        seen = signing.loads(token or "", salt=SEEN_SALT, max_age=SEEN_MAX_AGE)
    except signing.BadSignature:
        return None
    if seen.get("association") != association.pk:
        return None
    return seen.get("values")


def submit(change_request, person, seen=None):
    """Save a proposal (a new one, or the pending one edited again) and tell the editors.
    `seen`: the record's values when the form was shown (`seen_values`), against which a
    new proposal's changes are counted. A proposal that changes nothing is refused."""
    association = change_request.association
    with transaction.atomic():
        if change_request.pk is None:
            if pending_request(association) is not None:
                raise ValidationError(_("Une proposition attend déjà la relecture : "
                                        "rechargez la page pour la compléter."))
            change_request.original = seen or current_values(association)
        else:
            # Lock it as `approve` does (same order), and check nobody decided meanwhile.
            locked = AssociationChangeRequest.objects.select_for_update().get(
                pk=change_request.pk
            )
            if not locked.is_pending:
                raise ValidationError(_("Cette proposition a déjà été relue."))
            change_request.original = locked.original
            replaced_logo = locked.logo.name if locked.logo else ""
            if replaced_logo and replaced_logo != (change_request.logo.name or ""):
                # The association sent another logo (or none): the one it replaces goes.
                storage = locked.logo.storage
                transaction.on_commit(lambda: storage.delete(replaced_logo))
        if not change_request.changes() and not change_request.logo:
            raise ValidationError(_("Vous n'avez rien changé à la fiche."))
        change_request.status = AssociationChangeRequest.Status.PENDING
        change_request.submitted_by = person
        change_request.submitted_at = timezone.now()
        change_request.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                if change_request.pk is None:
                    change_request.save()
                else:
                    change_request.save(update_fields=[
                        *AssociationChangeRequest.FIELDS, "logo", "submitted_by", "submitted_at",
                    ])
        except IntegrityError as error:  # another first proposal won the race
            raise ValidationError(_("Une proposition attend déjà la relecture : rechargez "
                                    "la page pour la compléter.")) from error
        log(instance=association, action=SUBMITTED, user=person,
            data={"request": change_request.pk, "values": {
                name: serialize_value(getattr(change_request, name))
                for name in AssociationChangeRequest.FIELDS
            }})
        enqueue_after_commit(tasks.tell_editors_of_a_proposal, change_request.pk)
    return change_request


def withdraw(change_request, person):
    with transaction.atomic():
        change_request = _locked_pending(change_request)
        change_request.status = AssociationChangeRequest.Status.WITHDRAWN
        change_request.save(update_fields=["status"])
        log(instance=change_request.association, action=WITHDRAWN, user=person,
            data={"request": change_request.pk})
    return change_request


def approve(change_request, reviewer, note=""):
    """Publish the fields the association changed (a field changed since by someone else is
    still overwritten by the association's own wish: it is their record), and the logo."""
    _check_reviewer(reviewer)
    with transaction.atomic():
        change_request = _locked_pending(change_request)
        association = Association.objects.select_for_update().get(
            pk=change_request.association_id
        )
        changed = [field.name for field, _before, _after in change_request.changes()]
        for name in changed:
            setattr(association, name, getattr(change_request, name))
        if change_request.logo:
            association.logo = _logo_image(change_request, reviewer)
            changed.append("logo")
        association.save()
        _decide(change_request, AssociationChangeRequest.Status.APPROVED, reviewer, note)
        log(instance=association, action=APPROVED, user=reviewer,
            data={"request": change_request.pk, "fields": changed})
        enqueue_after_commit(tasks.tell_the_association_of_the_decision, change_request.pk)
    return change_request


def reject(change_request, reviewer, note):
    _check_reviewer(reviewer)
    if not (note or "").strip():
        raise ValidationError(
            {"review_note": _("Dites à l'association pourquoi, et ce qu'elle peut corriger.")}
        )
    with transaction.atomic():
        change_request = _locked_pending(change_request)
        _decide(change_request, AssociationChangeRequest.Status.REJECTED, reviewer, note)
        log(instance=change_request.association, action=REJECTED, user=reviewer,
            data={"request": change_request.pk})
        enqueue_after_commit(tasks.tell_the_association_of_the_decision, change_request.pk)
    return change_request


def can_review(user):
    return user.is_active and user.has_perm("directory.change_association")


def _check_reviewer(user):
    if not can_review(user):
        raise PermissionDenied


def _locked_pending(change_request):
    locked = AssociationChangeRequest.objects.select_for_update().get(pk=change_request.pk)
    if not locked.is_pending:
        raise ValidationError(_("Cette proposition a déjà été relue."))
    return locked


def _decide(change_request, status, reviewer, note):
    change_request.status = status
    change_request.reviewed_by = reviewer
    change_request.reviewed_at = timezone.now()
    change_request.review_note = note or ""
    change_request.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])


def _logo_image(change_request, reviewer):
    """The proposed logo as an image of the library (in its own collection)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=LOGO_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=LOGO_COLLECTION)
    change_request.logo.open("rb")
    try:
        image = get_image_model()(
            title=_("Logo de %(name)s") % {"name": change_request.association.name},
            collection=collection,
            uploaded_by_user=reviewer,
        )
        image.file.save(change_request.logo.name.rsplit("/", 1)[-1], change_request.logo,
                        save=False)
        image.save()
    finally:
        change_request.logo.close()
    return image
