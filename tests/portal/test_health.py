"""/healthz answers 200 when the database and the shared cache answer, 503 otherwise, saying
what failed, and tells the background tasks' backlog; /healthz/tasks answers 503 when a task
waited too long."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone
from django_tasks import task

pytestmark = pytest.mark.django_db

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@task()
def nothing():
    pass


def test_health_check_answers_200_with_json_when_everything_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert {name: check["status"] for name, check in response.json().items()
            if name != "status"} == {"database": "ok", "cache": "ok", "tasks": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_check_answers_503_when_the_database_is_unreachable(client):
    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.ensure_connection",
        side_effect=OperationalError("connection refused"),
    ):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == {"status": "error", "detail": "unavailable"}


def test_health_check_answers_503_when_the_cache_is_unreachable(client):
    with mock.patch("portal.health.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == {"status": "error", "detail": "unavailable"}
    assert response.json()["database"]["status"] == "ok"


def answers_after(client, path, seconds, tasks=1):
    """What `path` answers `seconds` after `tasks` tasks were queued (none run since)."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _task in range(tasks):
            nothing.enqueue()
    with time_machine.travel(start + datetime.timedelta(seconds=seconds), tick=False):
        return client.get(path)


@override_settings(TASKS=DATABASE_TASKS, TASK_BACKLOG_MAX_SECONDS=300)
def test_health_check_counts_the_tasks_waiting_and_the_age_of_the_oldest(client):
    response = answers_after(client, "/healthz", 120, tasks=2)

    assert response.status_code == 200
    assert response.json()["tasks"] == {"status": "ok", "waiting": 2, "oldest_seconds": 120,
                                        "limit_seconds": 300}


@override_settings(TASKS=DATABASE_TASKS, TASK_BACKLOG_MAX_SECONDS=300)
def test_a_late_worker_shows_but_keeps_the_web_server_in_service(client):
    response = answers_after(client, "/healthz", 301)

    assert response.status_code == 200
    assert response.json()["tasks"]["status"] == "error"


@override_settings(TASKS=DATABASE_TASKS, TASK_BACKLOG_MAX_SECONDS=300)
def test_the_tasks_check_answers_200_while_the_oldest_task_is_in_time(client):
    assert answers_after(client, "/healthz/tasks", 299).status_code == 200


@override_settings(TASKS=DATABASE_TASKS, TASK_BACKLOG_MAX_SECONDS=300)
def test_the_tasks_check_answers_503_when_a_task_waited_longer_than_allowed(client):
    late = answers_after(client, "/healthz/tasks", 301)

    assert late.status_code == 503
    assert late.json()["oldest_seconds"] == 301


@override_settings(TASKS=DATABASE_TASKS)
def test_the_tasks_check_answers_200_with_no_task_waiting(client):
    response = client.get("/healthz/tasks")

    assert response.status_code == 200
    assert response.json()["waiting"] == 0


def test_health_check_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
