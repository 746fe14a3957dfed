"""What the observatory of social utility shows, in the reader's language: the headline of
the chosen year with its change from the year before, the charts (SVG, portal/charts.py) each
with the rows of its table, and the consenting associations' figures and stories. Built on
each request from the cached figures (extranet/impact/figures.py); no query."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.charts import ACCENT, PRIMARY, Bar, Series, bar_chart, column_chart, number


def choose_year(data, asked):
    """The year asked for (`?annee=`) when it has validated reports, else the latest year
    that is not hidden (else the latest), or None without any."""
    years = [row["year"] for row in data["years"]]
    try:
        asked = int(asked)
    except (TypeError, ValueError):
        asked = None
    if asked in years:
        return asked
    shown = [row["year"] for row in data["years"] if not row["hidden"]]
    return (shown or years or [None])[-1]


def amount(value, decimals=0):
    return "" if value is None else number(value, decimals)


def share(value):
    return "" if value is None else _("%(value)s %%") % {"value": number(value, 1)}


def signed(change):
    """+12,5 % / −3,0 %, or "" without a change."""
    if change is None:
        return ""
    sign = "+" if change > 0 else ("−" if change < 0 else "")
    return f"{sign}{share(abs(change))}"


def sector_label(row):
    if get_language() == "en" and row["label_en"]:
        return row["label_en"]
    return row["label"]


def headline(row):
    """The figures of one year, written for the language."""
    value = row["hourly_value"]
    change = row["change"]
    return {
        "year": row["year"],
        "hidden": row["hidden"],
        "reports": amount(row["reports"]),
        "volunteers": amount(row["volunteers"]),
        "hours": amount(row["volunteer_hours"]),
        "hours_change": signed(change["volunteer_hours"]) if change else "",
        "people": amount(row["people_reached"]),
        "people_change": signed(change["people_reached"]) if change else "",
        "euros": amount(row["value_euros"]),
        "euros_change": signed(change["value_euros"]) if change else "",
        "hourly_value": {
            "amount": number(value["amount"], 2), "year": value["year"],
            "source": value["source"], "source_url": value["source_url"],
        } if value else None,
        "precarious": share(row["precarious_share"]),
        "part_time": share(row["part_time_share"]),
        "grants": share(row["public_grants_share"]),
        "calls": share(row["calls_for_projects_share"]),
        "calls_majority": amount(row["calls_majority"]),
        "staff": amount(row["staff"]["total"]) if row["staff"] else "",
    }


def years_chart(chart_id, title, label, shown, key):
    """A column chart of one figure over the years (hidden years left out)."""
    values = [row[key] or 0 for row in shown]
    description = _(
        "%(label)s chaque année, de %(first)s à %(last)s ; en %(last)s : %(value)s."
    ) % {"label": label, "first": shown[0]["year"], "last": shown[-1]["year"],
         "value": number(values[-1])}
    return column_chart(chart_id, title, description, [row["year"] for row in shown],
                        [Series(label, values, colour=PRIMARY)])


def by_year(data):
    shown = [row for row in data["years"] if not row["hidden"]]
    rows = [
        {"year": row["year"], "reports": amount(row["reports"]),
         "hours": amount(row["volunteer_hours"]), "people": amount(row["people_reached"]),
         "euros": amount(row["value_euros"]), "precarious": share(row["precarious_share"]),
         "calls": share(row["calls_for_projects_share"])}
        for row in shown
    ]
    if not shown:
        return {"rows": rows}
    hours, people = _("Heures de bénévolat"), _("Personnes touchées")
    return {
        "rows": rows,
        "hidden": [row["year"] for row in data["years"] if row["hidden"]],
        "hours_chart": years_chart("chart-hours", _("Heures de bénévolat par année"), hours,
                                   shown, "volunteer_hours"),
        "people_chart": years_chart("chart-people", _("Personnes touchées par année"), people,
                                    shown, "people_reached"),
        "fragility_chart": fragility_chart(shown),
    }


def fragility_chart(shown):
    precarious, calls = _("Emplois précaires"), _("Appels à projets")
    last = shown[-1]
    description = _(
        "Part des emplois précaires (CDD et contrats aidés) en colonnes pleines et part "
        "moyenne des appels à projets dans les ressources en colonnes hachurées, chaque "
        "année de %(first)s à %(last)s ; en %(last)s : %(precarious)s et %(calls)s."
    ) % {"first": shown[0]["year"], "last": last["year"],
         "precarious": share(last["precarious_share"]) or "—",
         "calls": share(last["calls_for_projects_share"]) or "—"}
    return column_chart(
        "chart-fragility", _("Précarité des emplois et dépendance aux appels à projets (%)"),
        description, [row["year"] for row in shown],
        [Series(precarious, [row["precarious_share"] or 0 for row in shown], colour=PRIMARY),
         Series(calls, [row["calls_for_projects_share"] or 0 for row in shown],
                colour=ACCENT, hatched=True)],
    )


def by_sector(cells, year):
    rows = [
        {"label": sector_label(row), "hidden": row["hidden"],
         "reports": amount(row["reports"]), "hours": amount(row["volunteer_hours"]),
         "people": amount(row["people_reached"]), "euros": amount(row["value_euros"])}
        for row in cells
    ]
    shown = [(row, cell) for row, cell in zip(rows, cells, strict=True) if not cell["hidden"]]
    if not shown:
        return {"rows": rows}
    first = shown[0][0]
    hours_description = _(
        "Heures de bénévolat par secteur en %(year)s, du plus grand au plus petit ; premier "
        "secteur : %(label)s, %(hours)s heures. Les secteurs couverts par le secret "
        "statistique n'y figurent pas."
    ) % {"year": year, "label": first["label"], "hours": first["hours"]}
    by_people = sorted(shown, key=lambda pair: -pair[1]["people_reached"])
    people_description = _(
        "Personnes touchées par secteur en %(year)s ; premier secteur : %(label)s, "
        "%(people)s personnes."
    ) % {"year": year, "label": by_people[0][0]["label"], "people": by_people[0][0]["people"]}
    return {
        "rows": rows,
        "hours_chart": bar_chart(
            "chart-sector-hours", _("Heures de bénévolat par secteur en %(year)s")
            % {"year": year}, hours_description,
            [Bar(row["label"], cell["volunteer_hours"]) for row, cell in shown]),
        "people_chart": bar_chart(
            "chart-sector-people", _("Personnes touchées par secteur en %(year)s")
            % {"year": year}, people_description,
            [Bar(row["label"], cell["people_reached"]) for row, cell in by_people]),
    }


def stories(data, year, photo_url):
    """The consenting associations of `year`, by name, with their figures (one sentence,
    translated once for all) and story."""
    sentence = _("%(hours)s heures de bénévolat, %(people)s personnes touchées, "
                 "%(volunteers)s bénévoles, %(staff)s salarié·es.")
    return [
        {
            "name": row["name"], "commune": row["commune"],
            "figures": "" if row["figures_withheld"] else sentence % {
                "hours": amount(row["volunteer_hours"]),
                "people": amount(row["people_reached"]),
                "volunteers": amount(row["volunteers"]) or "—",
                "staff": amount(row["staff"]) or "—"},
            "story": row["story"],
            "photo": photo_url(row["report_id"]) if row["has_photo"] else None,
            "photo_alt": row["photo_alt"], "photo_credit": row["photo_credit"],
        }
        for row in data["associations"] if row["year"] == year
    ]


def observatory_context(data, asked_year, photo_url):
    """The template's context for the figures `data` (see figures.compute), the year asked
    for and `photo_url(report_id)`, the address of a story's photo."""
    year = choose_year(data, asked_year)
    if year is None:
        return {"has_reports": False, "computed_at": data["computed_at"]}
    row = next(row for row in data["years"] if row["year"] == year)
    return {
        "has_reports": True,
        "year": year,
        "years": [one["year"] for one in reversed(data["years"])],
        "headline": headline(row),
        "by_year": by_year(data),
        "by_sector": by_sector(data["sectors"].get(year, []), year),
        "stories": stories(data, year, photo_url),
        "figures_withheld": any(row["figures_withheld"] for row in data["associations"]
                                if row["year"] == year),
        "computed_at": data["computed_at"],
    }
