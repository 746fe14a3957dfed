"""Rate limits counted in the default cache (shared by every worker with REDIS_URL): how many
times a key (an IP address, an email address) did a thing within a window."""

import hashlib

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

# What a refused visitor reads, whichever limit they reached: a limit counted per email address
# must not tell a stranger that somebody used that address many times.
REFUSAL = _("Beaucoup de demandes sont parties de cette connexion ou pour cette adresse : "
            "réessayez dans une heure.")


def client_ip(request):
    """The visitor's address, behind TRUSTED_PROXY_COUNT proxies (allauth reads it)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most `limit` hits per `window` seconds for each key of the action `name`."""

    def __init__(self, name, limit, window):
        self.name = name
        self.limit = limit
        self.window = window

    def key(self, value):
        digest = hashlib.sha256(str(value).strip().lower().encode()).hexdigest()[:32]
        return f"ratelimit:{self.name}:{digest}"

    def exceeded(self, value):
        return (cache.get(self.key(value)) or 0) >= self.limit

    def hit(self, value):
        hit_all([(self, value)])


def hit_all(checks, add=None):
    """Count one hit for each pair (RateLimit, value) of `checks`, and set each key of `add`
    ({key: seconds}) that the cache does not hold, as cache.add() would: one round trip with
    Redis (portal.cache.RedisCache.count_hits). Returns the keys of `add` it set."""
    windows = {limit.key(value): limit.window for limit, value in checks}
    count_hits = getattr(cache, "count_hits", None)
    if count_hits is not None:
        return count_hits(windows, add)
    for key, window in windows.items():
        if not cache.add(key, 1, window):
            try:
                cache.incr(key)
            except ValueError:  # expired in between
                cache.set(key, 1, window)
    return {key for key, seconds in (add or {}).items() if cache.add(key, 1, seconds)}


def first_exceeded(checks, values=None):
    """The first limit of `checks`, pairs (RateLimit, value), that `value` has reached, else
    None; one round trip to the cache for them all, none when `values` holds what a
    `cache.get_many()` of their keys returned."""
    keys = [limit.key(value) for limit, value in checks]
    counts = cache.get_many(keys) if values is None else values
    for (limit, _value), key in zip(checks, keys, strict=True):
        if (counts.get(key) or 0) >= limit.limit:
            return limit
    return None
