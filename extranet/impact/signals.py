"""Keep the observatory's cached figures (extranet/impact/figures.py) and the live figures
read from them (extranet/impact/live_figures.py) in step with the reports, their activities,
the hourly values and the associations' names and communes: any save or delete changes the
version in the figures' cache key and drops the live figures, so the next visit counts again
(an hourly value edited in the admin changes the euro figures at once). Both happen now and
again once committed, as a visit in between would cache the old figures. Bulk writes send no
signal: whoever makes them calls `forget()`."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from directory.models import Association
from extranet.impact.figures import forget_figures
from extranet.impact.live_figures import KEYS
from extranet.impact.models import HourlyValue, ImpactReport, ReportActivity
from portal import live_figures


def forget():
    forget_figures()
    live_figures.refresh(*KEYS)


@receiver([post_save, post_delete], sender=ImpactReport)
@receiver([post_save, post_delete], sender=ReportActivity)
@receiver([post_save, post_delete], sender=HourlyValue)
@receiver([post_save, post_delete], sender=Association)
def impact_data_changed(sender, **kwargs):
    forget()
    transaction.on_commit(forget)
