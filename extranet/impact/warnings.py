"""The figures of a report that look unusual: asked about, never refused.

An association may well have grown threefold or given 1,200 hours per volunteer; more often
a figure was typed in the wrong box or with a zero too many. Before a report is submitted
with such figures, the form lists what it found and asks the association to confirm them
(ImpactReport.unusual_confirmed). Everything here reads plain numbers: `figures_of(report)`
gathers them, `unusual(figures, previous)` says what looks odd.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from extranet.impact.models.reports import UNUSUAL_CHANGE, UNUSUAL_HOURS_PER_VOLUNTEER

# The figures compared with last year's, with how the warnings name them.
COMPARED = {
    "volunteers": gettext_lazy("le nombre de bénévoles"),
    "staff": gettext_lazy("le nombre de personnes salariées"),
    "volunteer_hours": gettext_lazy("les heures de bénévolat"),
    "people_reached": gettext_lazy("les personnes touchées"),
}


def figures_of(report, activities=None):
    """{"volunteers", "staff", "volunteer_hours", "people_reached"} of `report` (a figure
    not given is None); the activities' sums from `activities` (ReportActivity objects or
    the cleaned data of the formset's lines) when given, else from the saved ones."""
    if activities is None:
        totals = report.totals()
    else:
        totals = {
            "volunteer_hours": sum(_value(a, "volunteer_hours") for a in activities),
            "people_reached": sum(_value(a, "people_reached") for a in activities),
        }
    return {"volunteers": report.volunteers, "staff": report.staff, **totals}


def _value(activity, name):
    value = activity.get(name) if isinstance(activity, dict) else getattr(activity, name)
    return value or 0


def unusual(figures, previous=None, previous_year=None):
    """The warnings (French sentences) about `figures`, compared with `previous` (last
    year's figures, or None) of `previous_year`."""
    warnings = []
    volunteers, hours = figures.get("volunteers"), figures.get("volunteer_hours") or 0
    if volunteers and hours > volunteers * UNUSUAL_HOURS_PER_VOLUNTEER:
        warnings.append(_(
            "%(hours)s heures de bénévolat pour %(volunteers)s bénévoles, c'est plus de "
            "%(limit)s heures par personne sur l'année : vérifiez les heures et le nombre de "
            "bénévoles.") % {"hours": hours, "volunteers": volunteers,
                             "limit": UNUSUAL_HOURS_PER_VOLUNTEER})
    if volunteers and not hours:
        warnings.append(_(
            "Vous comptez %(volunteers)s bénévoles mais aucune heure de bénévolat dans les "
            "activités.") % {"volunteers": volunteers})
    if volunteers == 0 and hours:
        warnings.append(_(
            "Les activités comptent %(hours)s heures de bénévolat mais le rapport aucun "
            "bénévole.") % {"hours": hours})
    if previous:
        warnings.extend(changes(figures, previous, previous_year))
    return warnings


def changes(figures, previous, previous_year):
    """A warning for each figure more than UNUSUAL_CHANGE times last year's, or less than
    its UNUSUAL_CHANGE-th part."""
    warnings = []
    for name, label in COMPARED.items():
        now, before = figures.get(name), previous.get(name)
        if not now or not before:
            continue
        if now > before * UNUSUAL_CHANGE or now * UNUSUAL_CHANGE < before:
            warnings.append(_(
                "%(what)s passe de %(before)s en %(year)s à %(now)s : un écart de plus de "
                "%(factor)s fois. Vérifiez le chiffre.") % {
                "what": str(label).capitalize(), "before": before, "now": now,
                "year": previous_year, "factor": UNUSUAL_CHANGE})
    return warnings
