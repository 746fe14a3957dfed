"""Queueing background tasks (django-tasks) from code that writes to the database.

A task that reads what a transaction writes must not run before that transaction commits,
nor be lost if the process dies right after it: `enqueue_after_commit` stores the task in
the same transaction when tasks are queued in this database (django_tasks_db, production),
so that the data and its task are committed together or not at all (and the request pays
one commit, not two); with any other backend (run at once in development and tests) it
enqueues the task once the transaction has committed.

Code that may run within a transaction (services, views, allauth's emails) queues its tasks
this way. Code that runs only once the data are committed (an `on_commit` callback, a task)
may call `task.enqueue()` itself, saying so in a comment.
"""

from django.db import transaction
from django_tasks_db.backend import DatabaseBackend


def enqueue_after_commit(task, *args, **kwargs):
    if isinstance(task.get_backend(), DatabaseBackend) and (
        transaction.get_connection().in_atomic_block
    ):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
