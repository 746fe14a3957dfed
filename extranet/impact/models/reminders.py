"""The reminders sent to associations whose report of the year is not in yet: one row per
email round and association, so that an association is not reminded again too soon
(extranet/impact/reminders.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association


class ReportReminder(models.Model):
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("année du rapport"))
    sent_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("destinataires"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("relance de rapport d'impact")
        verbose_name_plural = _("relances de rapports d'impact")
        indexes = [models.Index(fields=["year", "association"],
                                name="impact_reminder_year_idx")]

    def __str__(self):
        return f"{self.association} · {self.year} · {self.sent_at:%Y-%m-%d}"
