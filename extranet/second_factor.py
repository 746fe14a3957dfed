"""The second factor (allauth.mfa: a code from an authenticator app, or a recovery code): who
must have one, and the rule every signed-in request obeys, in the admins and the extranet.

There is one way in: allauth's login under /extranet/compte/ (the Wagtail and Django admins'
login pages send there, see home/urls.py), which asks for the code after the password when
the account has a second factor, and records in the session how it was signed in.

`SecondFactorMiddleware`, on every request of a signed-in person:
- whose account has a second factor while the session did not pass it (a session opened before
  the factor was added from another session, or without allauth's login): signs them out, so
  that no page requiring a sign-in opens; they sign in again, code included;
- who must have one (`requires_second_factor`: superusers, the Wagtail "Coordinateurs" group,
  the extranet's coordinators) and has none: sends them to set it up before any page of the
  admins or of the extranet.
The session that sets a second factor up stays signed in: it has just proved the password
(allauth asks for it again) and a code from the app.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from extranet.permissions import is_coordinator
from portal.editorial import COORDINATORS

# Types that allauth asks for at sign-in; recovery codes only stand in for them.
SECOND_FACTOR_TYPES = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
CACHE_ATTRIBUTE = "_has_second_factor"
# The user (id) whose second factor was set up in this session (see `remember_set_up_here`).
SET_UP_HERE_SESSION_KEY = "second_factor_set_up_here"
# Where a person who must have a second factor and has none is sent to set it up first.
GUARDED_PREFIXES = ("/admin/", "/django-admin/", "/extranet/")
# allauth's pages (sign-in, setting the second factor up, signing out) stay open.
ACCOUNT_PREFIX = "/extranet/compte/"


def has_second_factor(user):
    """Has a second factor that allauth asks for at sign-in (read once per request)."""
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is None:
        cached = Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES).exists()
        setattr(user, CACHE_ATTRIBUTE, cached)
    return cached


def requires_second_factor(user):
    """Must sign in with a second factor: superusers, the editors who publish and export
    signatures (Wagtail's "Coordinateurs" group), and the extranet's coordinators."""
    if not user.is_active:
        return False
    return (
        user.is_superuser
        or user.groups.filter(name=COORDINATORS).exists()
        or is_coordinator(user)
    )


def passed_second_factor(request, user):
    """This session signed `user` in with a second factor (allauth's record of the sign-in),
    or set one up."""
    if request.session.get(SET_UP_HERE_SESSION_KEY) == str(user.pk):
        return True
    return any(record.get("method") == "mfa"
               for record in get_authentication_records(request, user))


def remember_set_up_here(sender, request, user, authenticator, **kwargs):
    """allauth.mfa's `authenticator_added`: the session that set the factor up keeps going."""
    if request is not None and authenticator.type in SECOND_FACTOR_TYPES:
        request.session[SET_UP_HERE_SESSION_KEY] = str(user.pk)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and not passed_second_factor(request, user):
            if has_second_factor(user):
                logout(request)
                messages.warning(request, _(
                    "Votre compte est protégé par un second facteur : reconnectez-vous avec "
                    "votre mot de passe puis votre code."))
            elif self.guarded(request.path) and requires_second_factor(user):
                messages.info(request, _(
                    "Votre rôle demande de protéger votre compte par un code à usage unique : "
                    "activez-le pour continuer."))
                return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def guarded(path):
        return path.startswith(GUARDED_PREFIXES) and not path.startswith(ACCOUNT_PREFIX)


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        """Who must have a second factor cannot remove their last one."""
        if authenticator.type not in SECOND_FACTOR_TYPES:
            return True
        user = authenticator.user
        others = Authenticator.objects.filter(user=user, type__in=SECOND_FACTOR_TYPES).exclude(
            pk=authenticator.pk)
        return others.exists() or not requires_second_factor(user)
