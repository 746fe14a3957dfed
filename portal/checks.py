"""Deployment checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.caches, deploy=True)
def cache_shared_by_processes(app_configs, **kwargs):
    if settings.CACHE_SHARED_BY_PROCESSES:
        return []
    return [
        Warning(
            "The cache is local to each process: every worker builds the navigation and "
            "counts the directory again, the observatory's figures and the commune list may "
            "lag behind another worker's edits, and login lockouts are per worker.",
            hint="Set REDIS_URL (or a shared CACHE_URL) in production.",
            id="portal.W001",
        )
    ]
