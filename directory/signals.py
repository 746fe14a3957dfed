"""Keep what the directory caches in step with the associations."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from directory import member_names
from directory.models.associations import Association
from portal import page_cache

CACHE_VERSION_KEY = "directory:version"


def cache_version():
    """Part of every directory cache key: it changes whenever an association changes."""
    return cache.get_or_set(CACHE_VERSION_KEY, 1, None)


def forget_directory_caches():
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, None)
    member_names.MEMBERS.forget_all()


def forget_directory_caches_now_and_on_commit():
    """After a write: now, and again once committed, as a visit in between would cache the
    old data under the new version (outside a transaction, both happen at once)."""
    forget_directory_caches()
    transaction.on_commit(forget_directory_caches)
    page_cache.invalidate()  # the public pages that show associations


@receiver([post_save, post_delete], sender=Association)
@receiver(m2m_changed, sender=Association.sectors.through)
def association_changed(sender, **kwargs):
    forget_directory_caches_now_and_on_commit()
