"""The impact reports' live figures (see portal/live_figures.py), registered by ImpactConfig:
what the member associations brought during the latest year of the observatory, read from its
figures (extranet/impact/figures.py): validated reports only, and never a year hidden by
statistical secrecy. They cost no query while the observatory's figures are cached; each is
None, and shown nowhere, before the first validation.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from extranet.impact import figures
from portal import live_figures

SOURCE = _("Rapports d'impact validés des associations membres")
KEYS = ("impact.volunteers", "impact.volunteer_hours", "impact.volunteer_value",
        "impact.people_reached", "impact.precarious_share", "impact.calls_share",
        "impact.reports")


def rounded(number):
    if number is None:
        return None
    return int(Decimal(str(number)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def of_latest(name):
    """A compute function: the figure `name` of the observatory's latest year, whole."""
    def compute():
        row = figures.latest()
        return None if row is None else rounded(row[name])
    compute.__name__ = f"latest_{name}"
    return compute


def register():
    declared = [
        ("impact.volunteers", _("bénévoles engagés dans les associations membres (dernière "
                                "année validée)"), "volunteers", ""),
        ("impact.volunteer_hours", _("heures de bénévolat données dans l'année par les "
                                     "associations membres"), "volunteer_hours", ""),
        ("impact.volunteer_value", _("valeur du bénévolat de l'année, au taux horaire de "
                                     "référence"), "value_euros", "€"),
        ("impact.people_reached", _("personnes accueillies, accompagnées ou servies dans "
                                    "l'année"), "people_reached", ""),
        ("impact.precarious_share", _("des salarié·es des associations membres en CDD ou en "
                                      "contrat aidé"), "precarious_share", "%"),
        ("impact.calls_share", _("des ressources des associations membres venues d'appels à "
                                 "projets, en moyenne"), "calls_for_projects_share", "%"),
        ("impact.reports", _("rapports d'impact validés pour la dernière année"),
         "reports", ""),
    ]
    for key, label, name, unit in declared:
        live_figures.register(key, label=label, compute=of_latest(name), source=SOURCE,
                              unit=unit)
