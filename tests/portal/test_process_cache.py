"""What each process keeps between two changes (portal.process_cache): loaded once per
version, loaded again when the version changes or the value is older than its lifetime."""

from unittest import mock

import pytest
from django.core.cache import cache

from portal.process_cache import ProcessCache


@pytest.fixture
def kept():
    return ProcessCache("tests:kept:version", size=2, lifetime=60)


def loader(*values):
    return mock.Mock(side_effect=values)


def test_a_value_is_loaded_once_under_a_version(kept):
    load = loader("first", "second")

    values = [kept.get("key", "v1", load) for _ in range(3)]

    assert (values, load.call_count) == (["first"] * 3, 1)


def test_a_new_version_loads_the_value_again(kept):
    load = loader("first", "second")
    kept.get("key", "v1", load)

    assert kept.get("key", "v2", load) == "second"


def test_a_value_older_than_its_lifetime_is_loaded_again(kept):
    load = loader("first", "second")
    with mock.patch("portal.process_cache.time.monotonic", return_value=1000.0):
        kept.get("key", "v1", load)
    with mock.patch("portal.process_cache.time.monotonic", return_value=1059.0):
        assert kept.get("key", "v1", load) == "first"
    with mock.patch("portal.process_cache.time.monotonic", return_value=1061.0):
        assert kept.get("key", "v1", load) == "second"


def test_more_values_than_its_size_forgets_the_others(kept):
    first = loader("a", "a again")
    kept.get("a", "v1", first)
    kept.get("b", "v1", loader("b"))
    kept.get("c", "v1", loader("c"))

    assert kept.get("a", "v1", first) == "a again"


def test_forgetting_sets_a_new_version(kept):
    before = kept.current_version()

    kept.forget_all()

    assert kept.current_version() != before


def test_an_emptied_cache_gets_a_version(kept):
    cache.delete(kept.version_key)

    version = kept.version_from({})

    assert version is not None and cache.get(kept.version_key) == version
