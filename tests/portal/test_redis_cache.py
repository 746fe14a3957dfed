"""The Redis cache of production (portal.cache.RedisCache), against the Redis of this machine
(REDIS_TEST_URL, by default database 15 of 127.0.0.1:6379). Where no Redis answers the tests
are skipped, except in CI (REQUIRE_REDIS_TESTS=1), where they fail."""

import os

import pytest

from portal.cache import RedisCache
from portal.ratelimits import RateLimit, first_exceeded, hit_all

URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis_cache():
    cache = RedisCache(URL, {"KEY_PREFIX": "tests"})
    try:
        cache.clear()
    except Exception as error:
        if os.environ.get("REQUIRE_REDIS_TESTS"):
            raise
        pytest.skip(f"No Redis at {URL}: {error}")
    yield cache
    cache.clear()


@pytest.fixture
def limits(redis_cache, monkeypatch):
    monkeypatch.setattr("portal.ratelimits.cache", redis_cache)
    return redis_cache


def test_the_cache_keeps_one_client_per_pool(redis_cache):
    assert redis_cache._cache.get_client() is redis_cache._cache.get_client()


def test_values_go_through_the_cache_as_with_django_s(redis_cache):
    redis_cache.set("one", {"a": 1}, 60)
    redis_cache.set_many({"two": 2, "three": "trois"}, 60)

    assert redis_cache.get_many(["one", "two", "three"]) == {
        "one": {"a": 1}, "two": 2, "three": "trois"}


def test_counting_hits_starts_each_counter_at_one_for_its_window(redis_cache):
    redis_cache.count_hits({"a": 60, "b": 3600})

    assert redis_cache.get_many(["a", "b"]) == {"a": 1, "b": 1}
    client = redis_cache._cache.get_client()
    assert 0 < client.ttl(redis_cache.make_key("a")) <= 60
    assert 3500 < client.ttl(redis_cache.make_key("b")) <= 3600


def test_counting_hits_again_adds_one_and_keeps_the_window(redis_cache):
    redis_cache.count_hits({"a": 60})
    client = redis_cache._cache.get_client()
    client.expire(redis_cache.make_key("a"), 30)

    redis_cache.count_hits({"a": 60})

    assert redis_cache.get("a") == 2
    assert client.ttl(redis_cache.make_key("a")) <= 30


def test_a_rate_limit_is_reached_after_its_number_of_hits(limits):
    limit = RateLimit("tests:action", 3, 60)
    for _ in range(2):
        hit_all([(limit, "10.0.0.1")])
    assert first_exceeded([(limit, "10.0.0.1")]) is None

    hit_all([(limit, "10.0.0.1")])

    assert first_exceeded([(limit, "10.0.0.1")]) is limit
    assert first_exceeded([(limit, "10.0.0.2")]) is None


def test_counting_hits_sets_a_key_to_add_and_says_so(redis_cache):
    added = redis_cache.count_hits({"a": 60}, add={"flag": 300})

    assert added == {"flag"}
    assert redis_cache.get_many(["a", "flag"]) == {"a": 1, "flag": 1}
    assert 290 < redis_cache._cache.get_client().ttl(redis_cache.make_key("flag")) <= 300


def test_counting_hits_leaves_a_key_to_add_that_is_there(redis_cache):
    redis_cache.set("flag", "already", 60)

    added = redis_cache.count_hits({"a": 60}, add={"flag": 300, "other": 300})

    assert added == {"other"}
    assert redis_cache.get("flag") == "already"
    assert redis_cache.get("a") == 1


def test_hits_and_keys_to_add_go_in_one_round_trip(redis_cache, monkeypatch):
    redis_cache.count_hits({"warm": 60})  # the script is sent to Redis once, then its SHA
    calls = []
    client = redis_cache._cache.get_client(write=True)
    original = client.execute_command
    monkeypatch.setattr(client, "execute_command",
                        lambda *args, **kwargs: calls.append(args[0]) or original(*args, **kwargs))

    redis_cache.count_hits({"a": 60, "b": 60}, add={"flag": 300})

    assert calls == ["EVALSHA"]


@pytest.mark.parametrize("backend", ["redis", "locmem"])
def test_hitting_the_limits_adds_a_key_once(backend, redis_cache, monkeypatch):
    from django.core.cache.backends.locmem import LocMemCache

    cache = redis_cache if backend == "redis" else LocMemCache("tests-hits", {})
    monkeypatch.setattr("portal.ratelimits.cache", cache)
    limit = RateLimit("tests:action", 3, 60)

    first = hit_all([(limit, "10.0.0.1")], add={"flag": 300})
    second = hit_all([(limit, "10.0.0.1")], add={"flag": 300})

    assert (first, second) == ({"flag"}, set())
    assert cache.get(limit.key("10.0.0.1")) == 2
