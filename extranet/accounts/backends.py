"""The two identifiers of allauth's login form (the one way to sign in), each with the lockout
of failed attempts.

- `EmailBackend`: an email address (the form passes `email=`). Unlike allauth's own backend,
  it never reads an email address from `username=`: a caller of `authenticate(username=…)`
  cannot sign members in by email without the verified-address check.
- `UsernameBackend`: a username (`username=`), with the same lockout as the email address:
  5 failures on one username, 20 from one address, per 15 minutes.
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
