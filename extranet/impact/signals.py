"""Keep the impact reports' live figures current: they are counted again as soon as a report
is validated (or a validated one changes or goes), or an hourly value changes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from extranet.impact.live_figures import KEYS
from extranet.impact.models import HourlyValue, ImpactReport, ReportActivity, Status
from portal import live_figures


def refresh_figures():
    """Now, and again once committed, as a visit in between would cache the old figures
    (outside a transaction, both happen at once)."""
    live_figures.refresh(*KEYS)
    transaction.on_commit(lambda: live_figures.refresh(*KEYS))


@receiver(post_save, sender=ImpactReport, dispatch_uid="impact_report_saved_figures")
@receiver(post_delete, sender=ImpactReport, dispatch_uid="impact_report_deleted_figures")
def report_changed(sender, instance, **kwargs):
    if instance.status == Status.VALIDATED:
        refresh_figures()


@receiver(post_save, sender=ReportActivity, dispatch_uid="impact_activity_saved_figures")
@receiver(post_delete, sender=ReportActivity, dispatch_uid="impact_activity_deleted_figures")
def activity_changed(sender, instance, **kwargs):
    report = ImpactReport.objects.filter(pk=instance.report_id).only("status").first()
    if report is None or report.status == Status.VALIDATED:
        refresh_figures()


@receiver(post_save, sender=HourlyValue, dispatch_uid="impact_hourly_value_saved_figures")
@receiver(post_delete, sender=HourlyValue, dispatch_uid="impact_hourly_value_deleted_figures")
def hourly_value_changed(sender, **kwargs):
    refresh_figures()
