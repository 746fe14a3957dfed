"""Keep the observatory's cached figures (extranet/impact/figures.py) in step with the reports,
their activities, the hourly values and the associations' names and communes: any save or
delete changes the version in the figures' cache key, so the next visit counts again (an
hourly value edited in the admin changes the euro figures at once). Bulk writes send no
signal: whoever makes them calls `forget_figures()`."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from directory.models import Association
from extranet.impact.models import HourlyValue, ImpactReport, ReportActivity

CACHE_VERSION_KEY = "impact:figures:version"


def cache_version():
    """Part of the figures' cache key: it changes whenever what they count changes."""
    return cache.get_or_set(CACHE_VERSION_KEY, 1, None)


def forget_figures():
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, None)


def forget_figures_now_and_on_commit():
    """Now, and again once committed: a visit in between would cache the old figures under
    the new version (outside a transaction, both happen at once)."""
    forget_figures()
    transaction.on_commit(forget_figures)


@receiver([post_save, post_delete], sender=ImpactReport)
@receiver([post_save, post_delete], sender=ReportActivity)
@receiver([post_save, post_delete], sender=HourlyValue)
@receiver([post_save, post_delete], sender=Association)
def impact_data_changed(sender, **kwargs):
    forget_figures_now_and_on_commit()
