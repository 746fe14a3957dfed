"""Keep what the directory caches in step with the associations."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from directory.models import Association

CACHE_VERSION_KEY = "directory:version"


def cache_version():
    """Part of every directory cache key: it changes whenever an association changes."""
    return cache.get_or_set(CACHE_VERSION_KEY, 1, None)


@receiver([post_save, post_delete], sender=Association)
def association_changed(sender, **kwargs):
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, None)
