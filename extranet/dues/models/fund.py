"""The solidarity fund's ledger: every sum that came in (the dues' share, gifts) and went out
(to which association, why, by which decision of the register), as entries that nobody can
change or delete once recorded. The balance is never typed: it is the sum of the entries
(`FundEntry.objects.balance()`).

An amount is signed: in (dues share, gift) above 0, out (redistribution) below 0; a mistake
is put right by a correction, a new entry that names the entry it corrects, of the amount
that restores the truth (either sign). Refused everywhere, as for the decision register:
`save()` of a recorded entry and `delete()` raise `LedgerIsAppendOnly`, and so do the
querysets' `update()`, `delete()` and `bulk_update()`; the admin only shows them; on
PostgreSQL a trigger refuses UPDATE and DELETE in SQL itself (migration 0002). Entries are
written by extranet.dues.fund, which checks that the fund never goes below zero.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.dues.models.dues import Dues
from extranet.governance.models import Decision


class LedgerIsAppendOnly(Exception):
    """A recorded entry cannot be changed nor deleted: record a correction."""


APPEND_ONLY = ("Le registre du fonds de solidarité ne s'écrit qu'une fois : une écriture ne "
               "se modifie ni ne se supprime (une erreur se corrige par une nouvelle "
               "écriture).")


class EntryKind(models.TextChoices):
    DUES_SHARE = "dues_share", _("part des cotisations")
    GIFT = "gift", _("don")
    REDISTRIBUTION = "redistribution", _("aide versée")
    CORRECTION = "correction", _("correction")


class FundEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerIsAppendOnly(APPEND_ONLY)

    def delete(self):
        raise LedgerIsAppendOnly(APPEND_ONLY)

    def bulk_update(self, objs, fields, batch_size=None):
        raise LedgerIsAppendOnly(APPEND_ONLY)

    def balance(self):
        """The sum of the entries (0 when there is none), in one query."""
        return self.aggregate(balance=Sum("amount"))["balance"] or 0

    def totals(self):
        """What came in (the entries above 0) and went out (below 0, as a positive figure),
        in one query."""
        sums = self.aggregate(income=Sum("amount", filter=Q(amount__gt=0)),
                              outgo=Sum("amount", filter=Q(amount__lt=0)))
        return {"income": sums["income"] or 0, "outgo": -(sums["outgo"] or 0)}


class FundEntry(models.Model):
    kind = models.CharField(_("nature"), max_length=20, choices=EntryKind.choices,
                            help_text=_("Ce qui entre (part des cotisations, don), ce qui "
                                        "sort (aide versée), ou la correction d'une écriture."))
    amount = models.DecimalField(
        _("montant (€)"), max_digits=10, decimal_places=2,
        help_text=_("Positif pour une entrée, négatif pour une sortie."),
    )
    entry_date = models.DateField(_("date"), default=timezone.localdate,
                                  help_text=_("Le jour où l'argent est entré ou sorti."))
    label = models.CharField(
        _("objet"), max_length=300,
        help_text=_("Pourquoi : « Don de la fête de quartier », « Aide au loyer de "
                    "septembre », « Correction : montant mal saisi »."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="fund_entries",
        help_text=_("L'association aidée (aide versée) ou qui a cotisé (part des "
                    "cotisations)."),
    )
    decision = models.ForeignKey(
        Decision, verbose_name=_("décision"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="fund_entries",
        help_text=_("La décision du registre qui a accordé l'aide."),
    )
    dues = models.OneToOneField(
        Dues, verbose_name=_("cotisation"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="fund_entry", help_text=_("La cotisation dont c'est la part."),
    )
    corrects = models.ForeignKey(
        "self", verbose_name=_("corrige"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="corrections", help_text=_("L'écriture que celle-ci corrige."),
    )
    recorded_at = models.DateTimeField(_("inscrite le"), default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("inscrite par"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+", editable=False,
    )

    objects = FundEntryQuerySet.as_manager()

    class Meta:
        ordering = ["entry_date", "pk"]
        verbose_name = _("écriture du fonds de solidarité")
        verbose_name_plural = _("registre du fonds de solidarité")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="dues_share", amount__gt=0, dues__isnull=False,
                             corrects__isnull=True)
                           | Q(kind="gift", amount__gt=0, corrects__isnull=True)
                           | Q(kind="redistribution", amount__lt=0, association__isnull=False,
                               decision__isnull=False, corrects__isnull=True)
                           | (Q(kind="correction", corrects__isnull=False) & ~Q(amount=0))),
                name="dues_fund_entry_kind_sign_and_links",
                violation_error_message=_(
                    "Une entrée est positive, une aide versée négative (avec l'association "
                    "aidée et la décision), une correction nomme l'écriture qu'elle corrige."),
            ),
        ]

    def __str__(self):
        return f"{self.entry_date:%Y-%m-%d} · {self.label} · {self.amount} €"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerIsAppendOnly(APPEND_ONLY)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerIsAppendOnly(APPEND_ONLY)

    @property
    def is_income(self):
        return self.amount > 0

    @property
    def income(self):
        """What the entry brought in (None when it took out)."""
        return self.amount if self.amount > 0 else None

    @property
    def outgo(self):
        """What the entry took out, as a positive figure (None when it brought in)."""
        return -self.amount if self.amount < 0 else None
