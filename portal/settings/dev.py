"""Settings for a developer's machine: `make run` uses these."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
DEMO_CONTENT_ALLOWED = True
# One process: a local-memory cache is shared by everything that runs.
CACHE_SHARED_BY_PROCESSES = True
# Pages are not kept for anonymous visitors: a changed template shows at once
# (PAGE_CACHE_SECONDS=600 to try the cache).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
