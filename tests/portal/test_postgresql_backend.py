"""The PostgreSQL backend (portal/postgresql/base.py): a persistent connection is checked
(`SELECT 1`) before a request only when it has not served one for CONN_HEALTH_CHECK_IDLE
seconds. Each test opens a connection of its own, outside the test's transaction, and plays
requests on it: the first query of a request, then the end of the request."""

import time

import pytest
from django.db import OperationalError, connection, connections

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL (DATABASE_URL=postgres://...)"),
]


@pytest.fixture
def own_connection(db):
    """A persistent connection to the test database, as a worker keeps one between requests."""
    wrapper = type(connections["default"])(
        {**connection.settings_dict, "CONN_MAX_AGE": 60}, "default"
    )
    yield wrapper
    wrapper.close()


@pytest.fixture
def checks(own_connection, monkeypatch):
    """The health checks run on the connection."""
    done = []
    is_usable = own_connection.is_usable
    monkeypatch.setattr(own_connection, "is_usable", lambda: done.append(1) or is_usable())
    return done


def request(wrapper):
    """A request: its first query (the backend's pid), then its end."""
    with wrapper.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    wrapper.close_if_unusable_or_obsolete()
    return pid


def terminate(pid):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    time.sleep(0.2)


def test_a_connection_that_served_a_request_a_moment_ago_is_not_checked(own_connection,
                                                                          checks, settings):
    settings.CONN_HEALTH_CHECK_IDLE = 60
    first = request(own_connection)

    second = request(own_connection)

    assert second == first
    assert checks == []


def test_a_connection_idle_for_longer_is_checked_before_the_next_request(own_connection,
                                                                          checks, settings):
    settings.CONN_HEALTH_CHECK_IDLE = 0.1
    request(own_connection)
    time.sleep(0.2)

    request(own_connection)

    assert checks == [1]


def test_a_pause_of_zero_checks_before_every_request_as_django_does(own_connection, checks,
                                                                    settings):
    settings.CONN_HEALTH_CHECK_IDLE = 0
    for _ in range(3):
        request(own_connection)

    assert checks == [1, 1]  # not the first request: its connection was just opened


def test_a_connection_lost_during_a_pause_is_replaced_before_the_request(own_connection,
                                                                         settings):
    settings.CONN_HEALTH_CHECK_IDLE = 0.1
    lost = request(own_connection)
    terminate(lost)

    assert request(own_connection) != lost


def test_a_connection_lost_within_the_moment_fails_one_request_then_is_replaced(
    own_connection, settings,
):
    settings.CONN_HEALTH_CHECK_IDLE = 60
    lost = request(own_connection)
    terminate(lost)

    with pytest.raises(OperationalError):
        request(own_connection)
    own_connection.close_if_unusable_or_obsolete()  # the failed request's end

    assert request(own_connection) != lost
