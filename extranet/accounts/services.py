"""Operations on memberships. They are the only way a membership starts, changes role or
ends, so that each of these leaves a `RoleChange` (who, when) in the same transaction.
Memberships are ended, never deleted."""

import datetime
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from extranet.accounts.models import Invitation, Membership, RoleChange
from extranet.accounts.signals import memberships_changed
from portal.background import enqueue_after_commit


@transaction.atomic
def save_membership(membership, by):
    """Save a membership made or edited elsewhere (a form, the admin), recording its start,
    a change of role and its end. Checks the rules first (ValidationError)."""
    membership.full_clean()
    previous = None
    if membership.pk:
        previous = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if previous is None:
        membership.created_by = by
    membership.save()
    changes = []
    if previous is None:
        changes.append(("", membership.role))
    elif previous.role != membership.role:
        changes.append((previous.role, membership.role))
    if membership.ends_on is not None and (previous is None or previous.ends_on is None):
        changes.append((membership.role, ""))
    RoleChange.objects.bulk_create(
        RoleChange(membership=membership, old_role=old, new_role=new, changed_by=by)
        for old, new in changes
    )
    memberships_changed.send(sender=Membership, association_ids=[membership.association_id])
    return membership


def add_membership(person, association, role, by, starts_on=None):
    """`person` starts acting for `association` with `role`."""
    membership = Membership(person=person, association=association, role=role)
    if starts_on is not None:
        membership.starts_on = starts_on
    return save_membership(membership, by)


def change_role(membership, new_role, by):
    """Give a membership another role; returns the RoleChange written (None if unchanged)."""
    if membership.role == new_role:
        return None
    with _restored_on_error(membership, "role"):
        membership.role = new_role
        save_membership(membership, by)
    return membership.role_changes.order_by("-changed_at", "-pk").first()


def end_membership(membership, by, on=None):
    """The person stops acting for the association after `on` (today by default)."""
    with _restored_on_error(membership, "ends_on"):
        membership.ends_on = on or timezone.localdate()
        return save_membership(membership, by)


@transaction.atomic
def update_membership(membership, role, ends_on, by):
    """A coordinator's change: the new role, then the end (if one is given); both or
    neither (ValidationError, the membership left as it was)."""
    change_role(membership, role, by)
    if ends_on is not None and ends_on != membership.ends_on:
        end_membership(membership, by, on=ends_on)
    return membership


@contextmanager
def _restored_on_error(instance, field):
    """A refused change leaves the object as it was, not only the database."""
    value = getattr(instance, field)
    try:
        yield
    except Exception:
        setattr(instance, field, value)
        raise


# Invitations

INVITATION_SALT = "extranet.accounts.invitation"


def invitation_token(invitation):
    return signing.dumps(invitation.pk, salt=INVITATION_SALT)


def invitation_from_token(token):
    """The invitation a link names (whatever its state), or None for a forged link."""
    try:
        pk = signing.loads(token, salt=INVITATION_SALT,
                           max_age=datetime.timedelta(days=Invitation.VALID_DAYS + 1))
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("association").filter(pk=pk).first()


def invite(email, association, role, by, request=None, first_name="", last_name=""):
    """Record an invitation and send its link (background task, once the invitation is
    committed). Checks the rules first. The person's names, when known, are offered in the
    form that accepts it."""
    invitation = Invitation(email=email, association=association, role=role, invited_by=by,
                            first_name=first_name, last_name=last_name)
    invitation.full_clean()
    invitation.save()
    send_invitation(invitation, request)
    return invitation


def send_invitation(invitation, request=None):
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.urls import reverse

    from extranet.accounts.tasks import send_email

    path = reverse("extranet:invitation", kwargs={"token": invitation_token(invitation)})
    base = (request.build_absolute_uri("/") if request else settings.WAGTAILADMIN_BASE_URL)
    base = base.rstrip("/")
    context = {"invitation": invitation, "url": f"{base}{path}",
               "site_name": settings.WAGTAIL_SITE_NAME}
    subject = " ".join(render_to_string("extranet/emails/invitation_subject.txt",
                                        context).split())
    body = render_to_string("extranet/emails/invitation.txt", context)
    enqueue_after_commit(send_email, subject=subject, body=body, from_email=None,
                         to=[invitation.email])


@transaction.atomic
def revoke_invitation(invitation, by):
    """Cancel an invitation still open: its link stops working. The invitation is kept."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != "open":
        raise ValidationError(_("Cette invitation n'est plus en attente."))
    invitation.revoked_at = timezone.now()
    invitation.revoked_by = by
    invitation.save(update_fields=["revoked_at", "revoked_by"])
    return invitation


def create_invited_person(invitation, first_name, last_name, password):
    """The account of somebody invited who has none: the invited address, a username nobody
    has (people sign in by email; the username is the admin's), the chosen password."""
    User = get_user_model()
    base = slugify(invitation.email.split("@")[0])[:120] or "membre"
    username, number = base, 2
    while User.objects.filter(username=username).exists():
        username, number = f"{base}-{number}", number + 1
    person = User(username=username, email=invitation.email, first_name=first_name,
                  last_name=last_name)
    person.set_password(password)
    person.save()
    return person


@transaction.atomic
def accept_invitation(invitation, person):
    """`person` (signed in with the invited address, or just made) takes up the invitation:
    the membership starts today. Refused if the invitation is no longer open."""
    from allauth.account.models import EmailAddress

    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.state != "open":
        raise ValidationError(_("Cette invitation n'est plus valable."))
    if person.email.lower() != invitation.email.lower():
        raise ValidationError(_("Cette invitation est pour une autre adresse électronique."))
    EmailAddress.objects.update_or_create(
        user=person, email__iexact=invitation.email,
        defaults={"email": invitation.email, "verified": True, "primary": True},
    )
    add_membership(person, invitation.association, invitation.role, by=invitation.invited_by)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = person
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return invitation
