"""The dues scale: for each year, the amount an association pays according to the size of
its annual budget, and the share of the dues that goes to the solidarity fund.

A scale is a list of brackets: each from `budget_from` (included) up to the next bracket's
`budget_from` (excluded), the last with no upper bound; the first starts at 0. An association
whose budget is exactly on an edge pays the upper bracket's amount. The coordinators set it in
the admin (Paramètres › Barème des cotisations); a year without a scale takes the closest
year's before it, so a scale is written again only when it changes.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

FIRST_YEAR = 2000


class DuesScale(ClusterableModel):
    year = models.PositiveSmallIntegerField(
        _("année"), unique=True, validators=[MinValueValidator(FIRST_YEAR)],
        help_text=_("L'année des cotisations calculées avec ce barème. Une année sans barème "
                    "prend celui de l'année précédente la plus proche."),
    )
    fund_share = models.PositiveSmallIntegerField(
        _("part versée au fonds de solidarité (%)"), default=0,
        validators=[MaxValueValidator(100)],
        help_text=_("La part de chaque cotisation payée qui est inscrite au fonds de "
                    "solidarité, en pour cent (0 : aucune)."),
    )
    note = models.TextField(
        _("note"), blank=True,
        help_text=_("Facultatif : la décision qui a fixé ce barème, ce qu'il faut savoir."),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("barème des cotisations")
        verbose_name_plural = _("barèmes des cotisations")
        constraints = [
            models.CheckConstraint(condition=models.Q(fund_share__lte=100),
                                   name="dues_fund_share_at_most_100"),
        ]

    def __str__(self):
        return str(self.year)

    @classmethod
    def for_year(cls, year):
        """The scale used for `year`: its own, else the closest year's before, else None."""
        return (cls.objects.filter(year__lte=year).order_by("-year")
                .prefetch_related("brackets").first())

    def ordered_brackets(self):
        return sorted(self.brackets.all(), key=lambda bracket: bracket.budget_from)

    def amount_for(self, budget):
        """The dues of an association whose annual budget is `budget` (euros)."""
        budget = Decimal(budget)
        if budget < 0:
            raise ValueError("a budget is not negative")
        amount = None
        for bracket in self.ordered_brackets():
            if budget >= bracket.budget_from:
                amount = bracket.amount
        if amount is None:
            raise ValueError(f"the scale of {self.year} has no bracket for {budget}")
        return amount


def check_brackets(brackets):
    """The brackets (budget_from values and amounts) make a scale: at least one, the first
    from 0, no two from the same budget. Raises ValidationError, for the admin's form."""
    starts = sorted(bracket.budget_from for bracket in brackets)
    if not starts:
        raise ValidationError(_("Un barème a au moins une tranche."))
    if starts[0] != 0:
        raise ValidationError(_("La première tranche commence à 0 € : tout budget doit avoir "
                                "sa cotisation."))
    if len(set(starts)) != len(starts):
        raise ValidationError(_("Deux tranches commencent au même budget."))


class DuesBracket(models.Model):
    scale = ParentalKey(DuesScale, verbose_name=_("barème"), on_delete=models.CASCADE,
                        related_name="brackets")
    budget_from = models.DecimalField(
        _("budget annuel à partir de (€)"), max_digits=12, decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text=_("Compris : une association dont le budget vaut exactement ce montant est "
                    "dans cette tranche. La tranche va jusqu'au début de la suivante."),
    )
    amount = models.DecimalField(
        _("cotisation (€)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)],
        help_text=_("Ce que paie pour l'année une association de cette tranche."),
    )

    class Meta:
        ordering = ["budget_from"]
        verbose_name = _("tranche du barème")
        verbose_name_plural = _("tranches du barème")
        constraints = [
            models.UniqueConstraint(fields=["scale", "budget_from"],
                                    name="dues_one_bracket_per_start"),
            models.CheckConstraint(condition=models.Q(budget_from__gte=0, amount__gte=0),
                                   name="dues_bracket_not_negative"),
        ]

    def __str__(self):
        return f"{self.scale.year} · ≥ {self.budget_from} € : {self.amount} €"
