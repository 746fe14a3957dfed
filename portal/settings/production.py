"""Settings for production. Refuses to start when a required variable is missing."""

from email.utils import parseaddr

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BASE_URL", "EMAIL_URL")
_missing = [name for name in REQUIRED if not env(name, default="")]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: "
        + ", ".join(_missing)
        + ". See the settings table in docs/deployment.md."
    )

DEBUG = False
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# HTTPS everywhere, behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz(/tasks)?$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
# Set both to false if other services of the domain do not all speak HTTPS yet.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF token from the cookie.

# Links in the accounts' emails (password reset, confirmation) are https://.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Behind the one reverse proxy of the deployment (docs/deployment.md): allauth reads the
# client's address for its login rate limits from X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)

# Keep database connections open between requests (the replica's too).
for _database in DATABASES.values():
    _database["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

# Who receives the error reports: "Name <email>, Other <email>".
ADMINS = [parseaddr(address.strip()) for address in env.list("ADMINS", default=[])]

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")
