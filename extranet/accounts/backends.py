"""The two ways to sign in, each with the lockout of failed attempts.

- `EmailBackend`: the extranet (allauth's login form, which passes `email=`). Unlike allauth's
  own backend, it never reads an email address from `username=`: otherwise the Wagtail admin's
  login form would sign members in by email without allauth's lockout and without the
  verified-address check.
- `UsernameBackend`: the Wagtail admin's login form (`username=`), with the same lockout as
  the extranet: 5 failures on one username, 20 from one address, per 15 minutes.
"""

from allauth.account.auth_backends import AuthenticationBackend
from allauth.core import ratelimit
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied


class EmailBackend(AuthenticationBackend):
    def _authenticate(self, request, **credentials):
        email = credentials.get("email")
        if not email:
            return None
        return self._authenticate_by_email(email, credentials.get("password") or "")


class UsernameBackend(ModelBackend):
    ACTION = "login_failed"

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None or not username:
            return super().authenticate(request, username=username, password=password,
                                        **kwargs)
        key = f"admin:{username.lower()}"
        if not ratelimit.consume(request, action=self.ACTION, key=key, dry_run=True):
            raise PermissionDenied  # locked: no other backend is tried either
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            ratelimit.consume(request, action=self.ACTION, key=key)
        return user
