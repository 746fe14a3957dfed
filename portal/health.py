"""What /healthz and /healthz/tasks check (portal.views): the database answers, the shared
cache answers, and the background tasks do not wait too long (the age of the oldest task ready
to run, when the tasks are queued in the database). Each check says "ok" or "error", with a
figure."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.db.models import Count, Min
from django.utils import timezone

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


def database():
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return {"status": "error", "detail": "unavailable"}
    return {"status": "ok"}


def shared_cache():
    """A value written and read back (Redis in production)."""
    key, value = "healthz:probe", uuid.uuid4().hex
    started = time.perf_counter()
    try:
        cache.set(key, value, 30)
        found = cache.get(key)
    except Exception:  # whatever the backend raises, the cache is down
        return {"status": "error", "detail": "unavailable"}
    if found != value:
        return {"status": "error", "detail": "does not keep values"}
    return {"status": "ok", "milliseconds": round((time.perf_counter() - started) * 1000, 1)}


def task_backlog():
    """How long the oldest task ready to run has waited (tasks queued in the database)."""
    if settings.TASKS["default"]["BACKEND"] != DATABASE_TASKS:
        return {"status": "ok", "detail": "tasks run at once"}
    from django_tasks_db.models import DBTaskResult

    try:
        backlog = DBTaskResult.objects.ready().aggregate(oldest=Min("enqueued_at"),
                                                         waiting=Count("pk"))
    except DatabaseError:
        return {"status": "error", "detail": "unavailable"}
    oldest = backlog["oldest"]
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    limit = settings.TASK_BACKLOG_MAX_SECONDS
    return {"status": "ok" if age <= limit else "error", "waiting": backlog["waiting"],
            "oldest_seconds": round(age), "limit_seconds": limit}


def checks():
    found = {"database": database()}
    found["cache"] = shared_cache()
    # The queue lives in the database: not asked when the database is down.
    found["tasks"] = (task_backlog() if found["database"]["status"] == "ok"
                      else {"status": "error", "detail": "database unavailable"})
    return found
