"""The log of the imports of the national register of associations (RNA)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RnaImport(models.Model):
    """One run of `manage.py import_rna`: what it read and what it changed, for the record.
    A log: nothing in it is edited by hand."""

    started_at = models.DateTimeField(_("début"), default=timezone.now, editable=False)
    finished_at = models.DateTimeField(_("fin"), null=True, blank=True, editable=False)
    file_name = models.CharField(_("fichier"), max_length=255, editable=False)
    encoding = models.CharField(_("encodage"), max_length=20, blank=True, editable=False)
    department = models.CharField(_("département"), max_length=3, blank=True, editable=False)
    dry_run = models.BooleanField(_("essai à blanc"), default=False, editable=False)
    read = models.PositiveIntegerField(_("lues"), default=0, editable=False)
    created = models.PositiveIntegerField(_("créées"), default=0, editable=False)
    updated = models.PositiveIntegerField(_("mises à jour"), default=0, editable=False)
    unchanged = models.PositiveIntegerField(_("inchangées"), default=0, editable=False)
    filtered = models.PositiveIntegerField(_("hors département"), default=0, editable=False)
    skipped = models.PositiveIntegerField(_("écartées"), default=0, editable=False)
    report = models.TextField(_("rapport"), blank=True, editable=False)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import du RNA")
        verbose_name_plural = _("imports du RNA")

    def __str__(self):
        return f"{self.file_name} ({self.started_at:%d/%m/%Y %H:%M})"
