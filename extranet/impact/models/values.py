"""The value of an hour of volunteering, year by year, with where it comes from (the SMIC,
the minimum hourly wage, is the usual reference): the observatory multiplies a year's
volunteer hours by the value of that year, and says which value and which source it used."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from extranet.impact.models.reports import FIRST_YEAR


class HourlyValue(models.Model):
    year = models.PositiveSmallIntegerField(
        _("année"), unique=True, validators=[MinValueValidator(FIRST_YEAR)],
        help_text=_("L'année dont les heures de bénévolat sont valorisées à ce taux. Une année "
                    "sans taux prend celui de l'année précédente la plus proche."),
    )
    amount = models.DecimalField(
        _("valeur d'une heure (€)"), max_digits=6, decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("En euros, par exemple 11,88 pour le SMIC horaire brut de 2025."),
    )
    source = models.CharField(
        _("source"), max_length=200,
        help_text=_("D'où vient ce taux, tel que l'observatoire l'affiche : par exemple "
                    "« SMIC horaire brut au 1er janvier 2025 »."),
    )
    source_url = models.URLField(
        _("lien vers la source"), blank=True,
        help_text=_("Facultatif : la page officielle qui donne ce taux."),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("valeur d'une heure de bénévolat")
        verbose_name_plural = _("valeurs d'une heure de bénévolat")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0),
                                   name="impact_hourly_value_positive"),
        ]

    def __str__(self):
        return f"{self.year} : {self.amount} €"

    @classmethod
    def for_year(cls, year, values=None):
        """The value used for `year`: its own, else that of the closest year before, else
        None. `values` (every HourlyValue, newest first) saves the query when given."""
        values = cls.objects.all() if values is None else values
        return next((value for value in values if value.year <= year), None)
