"""Settings for the test suite (pytest-django uses these, see pyproject.toml)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                   "LOCATION": "renditions"},
}
CACHES["pages"] = CACHES["default"]  # the same store (local memory by LOCATION)
# A read replica that is the primary itself (Django's test MIRROR): the long reads go to the
# primary (LONG_READS_DATABASE), but in the tests that send them to the replica
# (tests/portal/test_read_replica.py).
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
LONG_READS_DATABASE = "default"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Tests never read collected static files: plain storage, no manifest needed.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = Path(env("TEST_MEDIA_ROOT", default=str(VAR_DIR / "test-media")))
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_CONTENT_ALLOWED = True
# One process: a local-memory cache is shared by everything that runs.
CACHE_SHARED_BY_PROCESSES = True

# No test sends a request out of this machine: the maps have no tiles unless a test sets some
# (the default, the Géoplateforme's Plan IGN, is checked in tests/portal/test_map_tiles.py).
DIRECTORY_MAP_TILES = {"url": "", "attribution": ""}
# No page is kept for anonymous visitors, but in the tests of the cache
# (tests/portal/test_page_cache.py), which set a lifetime.
PAGE_CACHE_SECONDS = 0
WAGTAILFRONTENDCACHE = {}
