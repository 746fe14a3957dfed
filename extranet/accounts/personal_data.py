"""What the accounts hold on people (their user account, its email addresses, profile, second
factors, memberships and their history; the invitations sent to an address), its export, its
erasure and its retention periods (registered in portal.personal_data by
extranet.accounts.apps).

Erasing closes the account (`close_account`): it is deactivated and anonymised (names and
address emptied, a neutral username, an unusable password, its sessions ended, its email
addresses, profile and second factors deleted, its memberships ended). The row stays, so that
what others need keeps pointing at it, anonymous: its memberships and their history (role
changes), the news and comments it wrote, its part in the groups, the decisions it recorded.

Retention: an account that has not signed in for ACCOUNT_INACTIVE_RETENTION_DAYS and acts for
no association since is closed the same way; the invitations closed (accepted, cancelled or
expired) more than INVITATION_RETENTION_DAYS ago lose their address.
"""

import datetime

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from extranet.accounts.models import Invitation, Membership, Profile, RoleChange
from extranet.accounts.services import end_membership
from portal.personal_data import Retention, iso_datetime, people

CLOSED_PREFIX = "compte-ferme-"


def export(email):
    people_found = people(email).prefetch_related(
        Prefetch("emailaddress_set", queryset=EmailAddress.objects.order_by("pk")),
        Prefetch("memberships", queryset=Membership.objects.select_related("association")
                 .prefetch_related(Prefetch("role_changes",
                                            queryset=RoleChange.objects.order_by("changed_at",
                                                                                 "pk")))
                 .order_by("starts_on", "pk")),
        Prefetch("authenticator_set", queryset=Authenticator.objects.order_by("pk")),
    )
    profiles = {profile.person_id: profile
                for profile in Profile.objects.filter(person__in=people_found)}
    return [person_record(person, profiles.get(person.pk)) for person in people_found]


def person_record(person, profile):
    return {
        "username": person.get_username(),
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "is_active": person.is_active,
        "date_joined": iso_datetime(person.date_joined),
        "last_login": iso_datetime(person.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in person.emailaddress_set.all()
        ],
        "second_factors": [
            {"type": authenticator.type, "created_at": iso_datetime(authenticator.created_at)}
            for authenticator in person.authenticator_set.all()
        ],
        "profile": profile and {
            "function": profile.function,
            "phone": profile.phone,
            "show_email": profile.show_email,
            "show_phone": profile.show_phone,
            "news_notification": str(profile.get_news_notification_display()),
        },
        "memberships": [
            {
                "association": membership.association.name,
                "role": str(membership.get_role_display()),
                "starts_on": membership.starts_on.isoformat(),
                "ends_on": membership.ends_on.isoformat() if membership.ends_on else None,
                "history": [
                    {"change": str(change.describe()), "at": iso_datetime(change.changed_at)}
                    for change in membership.role_changes.all()
                ],
            }
            for membership in person.memberships.all()
        ],
    }


def erase(email, now):
    """Close the accounts of `email`: the number closed."""
    return close_accounts(people(email).exclude(username__startswith=CLOSED_PREFIX), now)


def close_accounts(accounts, now):
    with transaction.atomic():
        accounts = list(accounts)
        for person in accounts:
            close_account(person, now)
    return len(accounts)


@transaction.atomic
def close_account(person, now=None):
    """Deactivate and anonymise `person`'s account, keeping the row (see the docstring)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    open_memberships = Membership.objects.filter(person=person).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gt=today))
    for membership in open_memberships:
        end_membership(membership, by=None, on=max(today, membership.starts_on))
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    Profile.objects.filter(person=person).delete()
    end_sessions(person, now)
    person.username = f"{CLOSED_PREFIX}{person.pk}"
    person.first_name = person.last_name = person.email = ""
    person.is_active = person.is_staff = person.is_superuser = False
    person.set_unusable_password()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()


def end_sessions(person, now):
    """Delete the sessions signed in as `person` (database sessions)."""
    user_id = str(person.pk)
    ended = [session.pk for session in Session.objects.filter(expire_date__gt=now).iterator()
             if str(session.get_decoded().get("_auth_user_id")) == user_id]
    Session.objects.filter(pk__in=ended).delete()


def inactive_accounts(now, days):
    """Accounts not closed yet that have not signed in (nor been made, if they never did)
    for `days`, and act for no association since; never a superuser's (an administrator
    closes it)."""
    cutoff = now - datetime.timedelta(days=days)
    recent_memberships = Membership.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=timezone.localdate(cutoff)))
    return (get_user_model().objects.exclude(username__startswith=CLOSED_PREFIX)
            .filter(is_superuser=False)
            .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True,
                                                  date_joined__lt=cutoff))
            .exclude(pk__in=recent_memberships.values("person_id")))


# Invitations


def export_invitations(email):
    invitations = (Invitation.objects.filter(email__iexact=email)
                   .select_related("association").order_by("created_at", "pk"))
    return [
        {
            "email": invitation.email,
            "first_name": invitation.first_name,
            "last_name": invitation.last_name,
            "association": invitation.association.name,
            "role": str(invitation.get_role_display()),
            "created_at": iso_datetime(invitation.created_at),
            "expires_at": iso_datetime(invitation.expires_at),
            "accepted_at": iso_datetime(invitation.accepted_at),
            "revoked_at": iso_datetime(invitation.revoked_at),
        }
        for invitation in invitations
    ]


def erase_invitations(email, now):
    """Empty the address of the invitations sent to `email`; those still open are cancelled
    (their link no longer works)."""
    return anonymise_invitations(Invitation.objects.filter(email__iexact=email), now)


def anonymise_invitations(invitations, now):
    with transaction.atomic():
        ids = list(invitations.exclude(email="").values_list("pk", flat=True))
        Invitation.objects.filter(pk__in=ids, accepted_at__isnull=True,
                                  revoked_at__isnull=True).update(revoked_at=now)
        Invitation.objects.filter(pk__in=ids).update(email="", first_name="", last_name="")
    return len(ids)


def closed_invitations(now, days):
    """Invitations that still carry an address, sent more than `days` ago, and accepted,
    cancelled or expired."""
    return (Invitation.objects.exclude(email="")
            .filter(created_at__lt=now - datetime.timedelta(days=days))
            .filter(Q(accepted_at__isnull=False) | Q(revoked_at__isnull=False)
                    | Q(expires_at__lte=now)))


ACCOUNT_RETENTION = [
    Retention(
        setting="ACCOUNT_INACTIVE_RETENTION_DAYS",
        label="Comptes sans connexion ni rattachement depuis la période",
        outcome="fermés et anonymisés (rattachements, historique et écrits restent, anonymes)",
        expired=inactive_accounts,
        purge=close_accounts,
    ),
]

INVITATION_RETENTION = [
    Retention(
        setting="INVITATION_RETENTION_DAYS",
        label="Invitations à l'extranet acceptées, annulées ou expirées",
        outcome="anonymisées (l'adresse et les noms sont effacés)",
        expired=closed_invitations,
        purge=anonymise_invitations,
    ),
]
