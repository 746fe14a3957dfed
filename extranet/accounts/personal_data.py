"""What the accounts hold on people (their user account, its email addresses, profile and
memberships), for `manage.py export_personal_data` (registered in portal.personal_data by
extranet.accounts.apps).

`manage.py erase_personal_data` does not delete or empty an account: closing one is an
administrator's decision (memberships and the decisions' history point at it). The command
says that the account exists and must be closed from the admin.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q

from extranet.accounts.models import Membership, Profile
from portal.personal_data import moment


def people(email):
    """The accounts whose address, or one of whose other addresses, is `email`."""
    return get_user_model().objects.filter(
        Q(email__iexact=email)
        | Q(pk__in=EmailAddress.objects.filter(email__iexact=email).values("user_id"))
    ).order_by("pk")


def export(email):
    people_found = people(email).prefetch_related(
        Prefetch("emailaddress_set", queryset=EmailAddress.objects.order_by("pk")),
        Prefetch("memberships", queryset=Membership.objects.select_related("association")
                 .order_by("starts_on", "pk")),
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
        "date_joined": moment(person.date_joined),
        "last_login": moment(person.last_login),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in person.emailaddress_set.all()
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
            }
            for membership in person.memberships.all()
        ],
    }


def notice(email):
    """What the person running erase_personal_data must do about the accounts, or ""."""
    usernames = [person.get_username() for person in people(email)]
    if not usernames:
        return ""
    names = ", ".join(f"« {name} »" for name in usernames)
    return (f"Un compte utilisateur porte cette adresse (identifiant {names}) : cette commande "
            "ne le supprime pas. Un·e administrateur·rice doit le fermer depuis "
            "l'administration (Paramètres › Utilisateurs : le désactiver, ou le supprimer "
            "s'il n'a pas d'adhésion).")
