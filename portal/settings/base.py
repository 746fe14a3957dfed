"""Settings shared by every environment.

Everything that differs between machines is read from the environment (see the settings
table in docs/deployment.md). Environment-specific modules (dev, test, production) import this one
and override what they must.
"""

from pathlib import Path

import environ
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from wagtail.embeds import oembed_providers

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Application definition

INSTALLED_APPS = [
    # The project's own apps, one per domain (see docs/architecture.md).
    "portal",
    "home",
    "directory",
    "campaigns",
    "charter",
    "joining",
    "events",
    "extranet",
    "extranet.accounts",
    "extranet.groups",
    "extranet.documents",
    "extranet.news",
    "extranet.governance",
    "extranet.impact",
    "extranet.mutual_aid",
    "extranet.dues",
    # Demo content and benchmark volumes (seed_demo, seed_benchmark): imports the apps above.
    "demo",
    # Translations of pages and snippets from the admin.
    "wagtail_localize",
    "wagtail_localize.locales",
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "crispy_forms",
    "django_tasks",
    "django_tasks_db",
    # Sign-in by email, password reset, email change (the extranet's accounts).
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for anonymous visitors from the shared cache: a kept page skips the
    # middlewares below (portal/page_cache.py).
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.chosen_language.ChosenLanguageMiddleware",  # the members' space: the chosen one
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After allauth's: a session that did not pass the account's second factor is signed out,
    # and whoever must have one sets it up before any page of the admins or the extranet.
    "extranet.second_factor.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "home.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Databases: the primary (DATABASE_URL: SQLite in var/ by default), and a read replica
# (DATABASE_REPLICA_URL) when there is one; see databases.py.
from .databases import database  # noqa: E402

DATABASES = {"default": database("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = database("DATABASE_REPLICA_URL")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Backups (portal/backups.py): JSON with times to the microsecond.
SERIALIZATION_MODULES = {"backupjson": "portal.backup_serializer"}

# Caches: the shared cache, the renditions, the pages kept for anonymous visitors.
from .caches import *  # noqa: E402, F403

# Email: EMAIL_URL (smtp://user:password@host:587/?tls=True) or the console in development.

vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Collectif des associations <contact@example.org>"
)
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Background tasks (django-tasks): run at once in development and tests, queued in the
# database and run by `manage.py db_worker` in production.

# /healthz/tasks answers 503 when the oldest task ready to run has waited longer (the worker
# is down or overwhelmed).
TASK_BACKLOG_MAX_SECONDS = env.int("TASK_BACKLOG_MAX_SECONDS", default=300)
TASKS = {
    "default": {
        "BACKEND": env(
            "TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"
        ),
    }
}

# Passwords

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): everybody signs in at /extranet/compte/login/ (allauth's
# views, the portal's templates), members with their email address, editors with their
# username or their email address; the Wagtail and Django admins' login pages send there
# (home/urls.py), and come back to the admin through ?next=. No open sign-up: coordinators
# invite people (extranet.accounts.adapter). See docs/extranet.md.

AUTHENTICATION_BACKENDS = [
    # By username (with its own lockout of failures) or by email address (a verified one),
    # the two identifiers allauth's form accepts.
    "extranet.accounts.backends.UsernameBackend",
    "extranet.accounts.backends.EmailBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "extranet:home"
ACCOUNT_ADAPTER = "extranet.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "extranet.accounts.forms.SignInForm"}
ACCOUNT_LOGIN_METHODS = {"email", "username"}
# The Wagtail admin asks for the sign-in through allauth's login, which knows the second
# factor; its own password reset is off (allauth's, under /extranet/compte/, is the one).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
# An address is proven before it signs anybody in, and a new address replaces the old one only
# once confirmed through the link sent to it.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tells the old address when the password or email changes
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # no email to addresses that have no account
# The account forms answer the same whether an account holds the address typed or not (the
# password reset, the sign-in, the change of address): what differs goes by email to the
# address. allauth's default, kept on purpose (tests/extranet/test_account_enumeration.py).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{env('SITE_NAME', default='Collectif des associations')}] "
# Brute force: allauth counts failed logins in the cache ("default": shared by every worker in
# production through REDIS_URL). 5 failures on one account within 15 minutes lock that
# account's login for the rest of the window (even with the right password); 20 failures
# from one IP address within 15 minutes lock that address out of every account. A password
# reset through the emailed link lifts the account's lock.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/15m/ip,5/15m/key",
}
# Two-factor authentication (allauth.mfa): a code from an authenticator app (TOTP), with
# recovery codes. Optional for everybody, required for superusers, the Wagtail "Coordinateurs"
# group and the extranet's coordinators: extranet.second_factor sends them to set it up before
# any page of the admins or the extranet, and signs out any session that did not pass the
# account's second factor. A password reset does not sign in (it would go through the same
# code, but the person signs in afresh anyway).
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
MFA_ADAPTER = "extranet.second_factor.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("SITE_NAME", default="Collectif des associations")
# How many proxies in front of the site add themselves to X-Forwarded-For (production: the
# one reverse proxy): allauth takes the client's IP address from there for its rate limits.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Languages: French first, English second.

LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# Static files (served by WhiteNoise with hashed names) and media files.

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Third-party front-end code comes from Python packages (XStatic), never committed here: only
# the listed files of each, under its prefix (portal/staticfiles.py). For the directory's map:
# Leaflet (BSD-2-Clause) and Leaflet.markercluster (MIT).
STATICFILES_PACKAGES = [
    ("leaflet", xstatic.pkg.leaflet.BASE_DIR,
     ["leaflet.js", "leaflet.js.map", "leaflet.css", "images/*.png"]),
    ("leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR,
     ["leaflet.markercluster-src.js", "leaflet.markercluster-src.js.map", "MarkerCluster.css"]),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "portal.staticfiles.PackageFilesFinder",
]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Files that must not be public (logos proposed by associations, before an editor accepts
# them): never under MEDIA_ROOT, served only by views that check who asks.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private-media")))

STORAGES = {
    "default": {
        "BACKEND": env(
            "MEDIA_STORAGE_BACKEND", default="django.core.files.storage.FileSystemStorage"
        ),
        # Options of that storage class, as JSON (bucket, endpoint, credentials…).
        "OPTIONS": env.json("MEDIA_STORAGE_OPTIONS", default={}),
    },
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
    # Files only some people may read (the extranet's documents): PRIVATE_MEDIA_ROOT by
    # default, or another storage (an S3-compatible bucket with its own credentials).
    "private": {
        "BACKEND": env("PRIVATE_STORAGE_BACKEND", default="portal.storage.PrivateFileStorage"),
        "OPTIONS": env.json("PRIVATE_STORAGE_OPTIONS", default={}),
    },
}

# Uploads: bounded sizes, no unchecked file types.

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Documents go through Wagtail's view, which checks their collection's privacy, whatever the
# storage: with a bucket, Wagtail would otherwise send the visitor to the file's public address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# The extranet's shared documents (extranet/documents): the largest file a member may add,
# in megabytes (a proxy in front, nginx's client_max_body_size, must let it through), and
# how long a deleted document waits in the bin before `purge_document_bin` deletes it.
DOCUMENTS_MAX_UPLOAD_BYTES = env.int("DOCUMENTS_MAX_UPLOAD_MB", default=20) * 1024 * 1024
DOCUMENTS_BIN_DAYS = env.int("DOCUMENTS_BIN_DAYS", default=30)
# The impact reports (extranet/impact): the report of a year is due by this day of the next
# year (month-day), and the largest photo an association may add to its story;
# `send_impact_reminders` reminds an association at most every IMPACT_REMINDER_DAYS days.
IMPACT_REPORTS_DUE = env.str("IMPACT_REPORTS_DUE", default="06-30")
IMPACT_REMINDER_DAYS = env.int("IMPACT_REMINDER_DAYS", default=30)
IMPACT_PHOTO_MAX_BYTES = env.int("IMPACT_PHOTO_MAX_MB", default=5) * 1024 * 1024

# Dues (docs/dues.md): `send_dues_reminders` reminds the associations whose dues of the year
# are undeclared or unpaid, from DUES_CALL_DATE ("MM-DD") of the year on, at most every
# DUES_REMINDER_DAYS days; DUES_PAYMENT_INSTRUCTIONS (the collective's bank details, how to
# pay) is shown on the associations' dues page when it is set.
DUES_REMINDER_DAYS = env.int("DUES_REMINDER_DAYS", default=30)
DUES_CALL_DATE = env.str("DUES_CALL_DATE", default="01-15")
DUES_PAYMENT_INSTRUCTIONS = env.str("DUES_PAYMENT_INSTRUCTIONS", default="")
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Renditions in modern formats: templates ask for AVIF/WebP through {% picture %}.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "bmp": "webp", "webp": "webp"}

# `seed_demo` creates accounts whose passwords are in the README: development and tests only.
DEMO_CONTENT_ALLOWED = False

# Wagtail

WAGTAIL_SITE_NAME = env("SITE_NAME", default="Collectif des associations")
WAGTAILADMIN_BASE_URL = env("BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: editors' email hashes are not sent to a third party (and the CSP forbids it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# A new translation starts as a draft, and goes live through the review like any page.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # PostgreSQL full-text search in production, plain matching on SQLite.
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "french",
    }
}
# Embeds keep their ratio with CSS (aspect-ratio), not with inline styles the CSP refuses.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Only these video sites can be embedded; their players are the only frames the CSP allows
# (EMBED_FRAME_ORIGINS). Adding a provider means adding both.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo,
                      oembed_providers.dailymotion],
    }
]
EMBED_FRAME_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]

# Forms rendered with crispy-forms use the project's own template pack (templates/crispy_portal/):
# Django's accessible field groups, the portal's CSS classes.
CRISPY_TEMPLATE_PACK = "crispy_portal"
CRISPY_ALLOWED_TEMPLATE_PACKS = ("crispy_portal",)

# Petitions (campaigns): how long a confirmation link works, how long an unconfirmed signature
# is kept before `purge_personal_data` deletes it, how long after signing a signature
# of an ended campaign (closed, won or lost) is kept (then erased by the same command: counts
# stay, names go), and how many signatures one IP address and one email address may send per
# hour.
CAMPAIGN_CONFIRMATION_DAYS = env.int("CAMPAIGN_CONFIRMATION_DAYS", default=7)
CAMPAIGN_UNCONFIRMED_RETENTION_DAYS = env.int("CAMPAIGN_UNCONFIRMED_RETENTION_DAYS", default=30)
CAMPAIGN_SIGNATURE_RETENTION_DAYS = env.int("CAMPAIGN_SIGNATURE_RETENTION_DAYS", default=3 * 365)
CAMPAIGN_SIGNATURES_PER_IP_PER_HOUR = env.int("CAMPAIGN_SIGNATURES_PER_IP_PER_HOUR", default=30)
CAMPAIGN_SIGNATURES_PER_EMAIL_PER_HOUR = env.int("CAMPAIGN_SIGNATURES_PER_EMAIL_PER_HOUR",
                                                 default=5)

# Joining the collective: join requests accepted per IP address and hour (each sends emails).
JOIN_REQUESTS_PER_IP_PER_HOUR = env.int("JOIN_REQUESTS_PER_IP_PER_HOUR", default=5)

# Retention periods of the other personal data, in days (portal/personal_data.py; applied
# every day by `manage.py purge_personal_data`, see docs/data-protection.md).
EVENT_REGISTRATION_RETENTION_DAYS = env.int("EVENT_REGISTRATION_RETENTION_DAYS", default=365)
JOIN_REQUEST_RETENTION_DAYS = env.int("JOIN_REQUEST_RETENTION_DAYS", default=3 * 365)
INVITATION_RETENTION_DAYS = env.int("INVITATION_RETENTION_DAYS", default=365)
ACCOUNT_INACTIVE_RETENTION_DAYS = env.int("ACCOUNT_INACTIVE_RETENTION_DAYS", default=3 * 365)
GROUP_MEMBER_RETENTION_DAYS = env.int("GROUP_MEMBER_RETENTION_DAYS", default=2 * 365)
NEWS_REMOVED_RETENTION_DAYS = env.int("NEWS_REMOVED_RETENTION_DAYS", default=90)
NEWS_DELIVERY_RETENTION_DAYS = env.int("NEWS_DELIVERY_RETENTION_DAYS", default=365)
# Mutual aid: a post archived (closed or past) this long ago goes, with its conversations.
MUTUAL_AID_ARCHIVE_RETENTION_DAYS = env.int("MUTUAL_AID_ARCHIVE_RETENTION_DAYS",
                                            default=2 * 365)
ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS = env.int("ASSOCIATION_CHANGE_REQUEST_RETENTION_DAYS",
                                                    default=3 * 365)

# The public page /donnees-personnelles/: how long its emailed links work, and how many
# requests one IP address and one email address may send per hour.
PERSONAL_DATA_LINK_HOURS = env.int("PERSONAL_DATA_LINK_HOURS", default=24)
PERSONAL_DATA_USED_LINK_RETENTION_DAYS = env.int("PERSONAL_DATA_USED_LINK_RETENTION_DAYS",
                                                 default=2)
PERSONAL_DATA_REQUESTS_PER_IP_PER_HOUR = env.int("PERSONAL_DATA_REQUESTS_PER_IP_PER_HOUR",
                                                 default=10)
PERSONAL_DATA_REQUESTS_PER_EMAIL_PER_HOUR = env.int(
    "PERSONAL_DATA_REQUESTS_PER_EMAIL_PER_HOUR", default=3)

# The maps' tiles: by default the Géoplateforme's « Plan IGN » (no key, open licence, credited
# as it asks). MAP_TILES_URL=https://…/{z}/{x}/{y}.png (+ MAP_TILES_ATTRIBUTION) changes them,
# MAP_TILES_URL= turns them off (plain background). Their origin joins the CSP's img-src.
MAP_TILES_IGN_URL = ("https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                     "&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM"
                     "&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}")
MAP_TILES_IGN_ATTRIBUTION = '© <a href="https://www.ign.fr/">IGN</a> – Géoplateforme, Plan IGN'
_tiles = env("MAP_TILES_URL", default=MAP_TILES_IGN_URL)
_credit = MAP_TILES_IGN_ATTRIBUTION if _tiles == MAP_TILES_IGN_URL else ""
DIRECTORY_MAP_TILES = {"url": _tiles, "attribution": env("MAP_TILES_ATTRIBUTION", default=_credit)}

# Security headers shared by every environment (production tightens the rest).

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# Public and extranet pages: no inline script, no third-party origin.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *EMBED_FRAME_ORIGINS],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# The Wagtail admin (and previews, shown in its own frames) needs inline scripts and styles.
CONTENT_SECURITY_POLICY_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
CONTENT_SECURITY_POLICY_ADMIN_PREFIXES = ["/admin/", "/django-admin/"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
