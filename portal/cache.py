"""Django's Redis cache, with one Redis client per connection pool instead of one per call.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object for every cache
operation, and that constructor copies its table of some 200 response callbacks each time:
about a third of a millisecond of CPU per call, several per request on the petition's POST.
A `redis.Redis` object is safe to share between threads (each command borrows a connection
from the pool), so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def count_hits(self, windows, add=None):
        """Add one to each counter of `windows` ({key: seconds}), a counter absent or expired
        starting at 1 and living that many seconds; and set each key of `add` ({key: seconds})
        that is absent, as add() would (to 1). One round trip (a Lua script) for them all
        (Django's add() then incr() take up to three round trips a counter); returns the keys
        of `add` this call set. What `portal.ratelimits` uses."""
        add = add or {}
        keys = [self.make_and_validate_key(key) for key in [*windows, *add]]
        client = self._cache.get_client(write=True)
        added = _count_hits_script(client)(
            keys=keys, args=[len(windows), *windows.values(), *add.values()]
        )
        names = list(add)
        return {names[int(index) - 1] for index in added}


COUNT_HITS = """
local counters = tonumber(ARGV[1])
local added = {}
for i, key in ipairs(KEYS) do
    if i <= counters then
        redis.call('SET', key, 0, 'EX', ARGV[i + 1], 'NX')
        redis.call('INCR', key)
    elseif redis.call('SET', key, 1, 'EX', ARGV[i + 1], 'NX') then
        added[#added + 1] = i - counters
    end
end
return added
"""
_scripts = {}


def _count_hits_script(client):
    """The registered script (its SHA is sent, the text only if Redis lost it)."""
    script = _scripts.get(id(client))
    if script is None:
        script = _scripts.setdefault(id(client), client.register_script(COUNT_HITS))
    return script
