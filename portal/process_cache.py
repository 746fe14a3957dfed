"""What each process keeps in memory between two changes, under a version held in the shared
cache (REDIS_URL in production, so every worker sees the same version).

Whatever could change a kept value sets a new version (`ProcessCache.forget_all()`, usually from a
signal); every process then loads the value again the next time it is asked for it. A request
reads the version in the round trip to the cache it makes anyway (`version_key` among the keys
of its `cache.get_many()`, then `version_from(values)`). Changes that send no signal (bulk
updates) are caught up with after `lifetime` seconds, when one is given.

What a process keeps is shared by its threads: read it, never change it.
"""

import secrets
import threading
import time

from django.core.cache import cache


def new_version():
    return secrets.token_hex(8)


class ProcessCache:
    """Values kept by each process under the version held at `version_key`; at most `size`
    of them (all are forgotten when there are more), each for at most `lifetime` seconds."""

    def __init__(self, version_key, size=256, lifetime=None):
        self.version_key = version_key
        self.size = size
        self.lifetime = lifetime
        self._values = {}  # key -> (version, loaded at, value)
        self._lock = threading.Lock()

    def version_from(self, values):
        """The current version, from the values of a `cache.get_many()` that asked for
        `version_key`; a new one is set when the cache has none (emptied, or never set)."""
        version = values.get(self.version_key)
        if version is None:
            cache.add(self.version_key, new_version(), None)
            version = cache.get(self.version_key)
        return version

    def current_version(self):
        """The current version, in a round trip of its own."""
        return self.version_from({self.version_key: cache.get(self.version_key)})

    def get(self, key, version, load):
        """The value kept for `key` under `version`; `load()` makes it when this process has
        none, an older one, or one older than `lifetime`."""
        kept = self._values.get(key)
        now = time.monotonic()
        if kept is not None and kept[0] == version and (
            self.lifetime is None or now - kept[1] < self.lifetime
        ):
            return kept[2]
        value = load()
        with self._lock:
            if len(self._values) >= self.size:
                self._values.clear()
            self._values[key] = (version, now, value)
        return value

    def forget_all(self):
        """Make every process load its values again."""
        cache.set(self.version_key, new_version(), None)
