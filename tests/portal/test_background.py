"""Queueing a task with the data it reads (portal.background.enqueue_after_commit)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from portal.background import enqueue_after_commit

pytestmark = pytest.mark.django_db

ran = []


@task()
def remember(value):
    ran.append(value)


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Rollback(Exception):
    pass


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_queued_in_the_database_is_part_of_the_transaction():
    with pytest.raises(Rollback), transaction.atomic():
        enqueue_after_commit(remember, 1)
        assert DBTaskResult.objects.count() == 1
        raise Rollback

    assert DBTaskResult.objects.count() == 0


@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_queued_in_the_database_is_kept_when_the_transaction_commits():
    with transaction.atomic():
        enqueue_after_commit(remember, 2)

    assert DBTaskResult.objects.get().args_kwargs["args"] == [2]


def test_a_task_run_at_once_waits_for_the_commit(django_capture_on_commit_callbacks):
    ran.clear()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_after_commit(remember, 3)
        assert ran == []

    assert ran == [3]


def test_tasks_are_queued_after_the_commit_unless_a_comment_says_why_not():
    """`task.enqueue()` called by hand only where a comment just above says why
    enqueue_after_commit is not needed (the code runs once the data are committed)."""
    root = Path(settings.BASE_DIR)
    unexplained = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "var/", "node_modules/")) or (
            relative == "portal/background.py"
        ):
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if re.search(r"\.enqueue\(", line):
                above = "\n".join(lines[max(0, number - 5):number])
                if "enqueue_after_commit" not in above:
                    unexplained.append(f"{relative}:{number + 1}")
    assert unexplained == []
