"""The caches (imported by base.py): the shared cache, Wagtail's renditions, and the public
pages kept for anonymous visitors (portal.page_cache, the cache "pages")."""

import environ

env = environ.Env()

# Cache: local memory unless REDIS_URL or CACHE_URL is set (rate limits need a shared cache
# in production).

if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "portal",
        }
    }
else:
    CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://portal")}
# What is cached beyond a request (navigation, directory filters, observatory figures) is
# forgotten through version numbers kept in the cache: with a cache per process, an edit
# would be seen by one worker only. Local memory is right for one process (dev, tests); in
# production the navigation then stays uncached and `check --deploy` asks for REDIS_URL.
CACHE_SHARED_BY_PROCESSES = "LocMemCache" not in CACHES["default"]["BACKEND"]
# Wagtail keeps image renditions in the cache named "renditions": pages with many images then
# cost no query per image once warm.
CACHES["renditions"] = {**CACHES["default"], "KEY_PREFIX": "renditions", "TIMEOUT": 60 * 60 * 24}

# Public pages for anonymous visitors, kept in the shared cache (portal.page_cache): at most
# PAGE_CACHE_SECONDS (0: off), forgotten on every publication or change of what they show; a
# live figure (signatures, registrations) lags by at most PAGE_CACHE_LIVE_LAG seconds; a CDN
# or Varnish may keep a page without a form PAGE_CACHE_SHARED_MAX_AGE seconds (s-maxage).
# With a cache per process (no REDIS_URL), a publication is seen at once by one worker only:
# the others keep their copy 10 seconds at most.
# Where they are kept: the cache "pages", the shared cache itself unless PAGE_CACHE_URL names
# another Redis (with its own memory cap), so that a flood of pages cannot evict the rate
# limits' counters from the shared cache.
if env("PAGE_CACHE_URL", default=""):
    CACHES["pages"] = {"BACKEND": "portal.cache.RedisCache", "LOCATION": env("PAGE_CACHE_URL"),
                       "KEY_PREFIX": "portal"}
else:
    CACHES["pages"] = CACHES["default"]
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS",
                             default=600 if CACHE_SHARED_BY_PROCESSES else 10)
PAGE_CACHE_LIVE_LAG = env.int("PAGE_CACHE_LIVE_LAG", default=30)
PAGE_CACHE_SHARED_MAX_AGE = env.int("PAGE_CACHE_SHARED_MAX_AGE", default=60)
# The CDN or proxy whose copies Wagtail purges when a page is published or unpublished
# (wagtail.contrib.frontend_cache), as JSON: {"varnish": {"BACKEND":
# "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:6081"}}.
WAGTAILFRONTENDCACHE = env.json("FRONTEND_CACHE", default={})
