"""The yearly dues of the member associations: one row per association and year, made when
its annual budget is declared (by the association's people or the treasurer), with the amount
the year's scale gives for that budget; paid once the treasurer records the payment (date,
means, reference), which gives it its receipt number (2027-0012) and writes the fund's share
(extranet/dues/payments.py). A paid row keeps its budget and amount; the payment's date,
means and reference can still be corrected. An association with no row for the year has not
declared its budget: it is unpaid too, and reminded (extranet/dues/reminders.py)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.dues.models.scale import FIRST_YEAR


class Means(models.TextChoices):
    TRANSFER = "transfer", _("virement")
    CHEQUE = "cheque", _("chèque")
    CARD = "card", _("carte bancaire")
    DIRECT_DEBIT = "direct_debit", _("prélèvement")
    CASH = "cash", _("espèces")
    OTHER = "other", _("autre")


class DuesQuerySet(models.QuerySet):
    def paid(self):
        return self.filter(paid_on__isnull=False)

    def unpaid(self):
        return self.filter(paid_on__isnull=True)


class Dues(models.Model):
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="dues", help_text=_("L'association membre qui cotise."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"), validators=[MinValueValidator(FIRST_YEAR)],
        help_text=_("L'année civile que la cotisation couvre."),
    )
    budget = models.DecimalField(
        _("budget annuel déclaré (€)"), max_digits=12, decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Le total des produits du dernier exercice clos, en euros : il donne la "
                    "tranche du barème."),
    )
    amount = models.DecimalField(
        _("montant (€)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)],
        help_text=_("Donné par le barème de l'année pour ce budget ; il ne se tape pas."),
    )
    declared_at = models.DateTimeField(_("déclarée le"), default=timezone.now)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("déclarée par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    paid_on = models.DateField(_("payée le"), null=True, blank=True,
                               help_text=_("Le jour où le collectif a reçu le paiement."))
    means = models.CharField(_("moyen de paiement"), max_length=20, choices=Means.choices,
                             blank=True)
    reference = models.CharField(
        _("référence"), max_length=100, blank=True,
        help_text=_("Facultatif : numéro de chèque, libellé du virement…"),
    )
    receipt_number = models.CharField(
        _("numéro de reçu"), max_length=20, null=True, blank=True, unique=True,
        editable=False, help_text=_("Donné à l'enregistrement du paiement : 2027-0012."),
    )
    recorded_at = models.DateTimeField(_("paiement enregistré le"), null=True, blank=True,
                                       editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("paiement enregistré par"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    objects = DuesQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "association__name"]
        verbose_name = _("cotisation")
        verbose_name_plural = _("cotisations")
        constraints = [
            models.UniqueConstraint(fields=["association", "year"],
                                    name="dues_one_per_association_and_year",
                                    violation_error_message=_(
                                        "Cette association a déjà sa cotisation pour cette "
                                        "année.")),
            models.CheckConstraint(condition=Q(budget__gte=0, amount__gte=0),
                                   name="dues_not_negative"),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True, means="", receipt_number__isnull=True)
                | (Q(paid_on__isnull=False, receipt_number__isnull=False) & ~Q(means="")),
                name="dues_paid_with_means_and_receipt",
                violation_error_message=_("Une cotisation payée a sa date, son moyen de "
                                          "paiement et son numéro de reçu."),
            ),
        ]
        indexes = [models.Index(fields=["year", "paid_on"], name="dues_year_paid_idx")]

    def __str__(self):
        return f"{self.association} · {self.year}"

    @property
    def is_paid(self):
        return self.paid_on is not None


class DuesReminder(models.Model):
    """One reminder round of one association's unpaid dues (extranet/dues/reminders.py)."""

    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("année de la cotisation"))
    sent_at = models.DateTimeField(_("envoyée le"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("destinataires"), default=0)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("relance de cotisation")
        verbose_name_plural = _("relances de cotisation")
        indexes = [models.Index(fields=["year", "association"],
                                name="dues_reminder_year_idx")]

    def __str__(self):
        return f"{self.association} · {self.year} · {self.sent_at:%Y-%m-%d}"
