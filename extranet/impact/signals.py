"""Keep the observatory's cached figures (extranet/impact/figures.py) in step with the reports,
their activities, the hourly values and the associations' names and communes: any save or
delete changes the version in the figures' cache key, so the next visit counts again (an
hourly value edited in the admin changes the euro figures at once). Bulk writes send no
signal: whoever makes them calls `forget_figures()`."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from directory.models import Association
from extranet.impact.figures import forget_figures_now_and_on_commit
from extranet.impact.models import HourlyValue, ImpactReport, ReportActivity


@receiver([post_save, post_delete], sender=ImpactReport)
@receiver([post_save, post_delete], sender=ReportActivity)
@receiver([post_save, post_delete], sender=HourlyValue)
@receiver([post_save, post_delete], sender=Association)
def impact_data_changed(sender, **kwargs):
    forget_figures_now_and_on_commit()
