"""What the observatory page shows, in the reader's language: for each figure, its chart (SVG,
see charts.py), the rows of its table with numbers written for the language, and the link to
the directory filtered the same way. Built on each request from the cached figures (plain
data), which costs well under a millisecond per chart.
"""

from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.charts import ACCENT, PRIMARY, Bar, Series, bar_chart, column_chart, number

TOP_COMMUNES = 15


def directory_link(directory_url, **filters):
    return f"{directory_url}?{urlencode(filters)}" if directory_url else None


def rate(per_thousand):
    """A rate per 1,000 inhabitants with one decimal; "< 0.1" rather than a misleading 0.0."""
    if per_thousand is None:
        return ""
    if 0 < per_thousand < 0.05:
        return "< " + number(0.1, 1)
    return number(per_thousand, 1)


def sector_label(row):
    if not row["code"]:
        return _("Sans secteur")
    if get_language() == "en" and row["label_en"]:
        return row["label_en"]
    return row["label"]


def sectors(data, directory_url):
    rows = [
        {
            "label": sector_label(row),
            "count": number(row["count"]),
            "link": directory_link(directory_url, sector=row["code"]) if row["code"] else None,
        }
        for row in data["sectors"]
    ]
    bars = [
        Bar(row["label"], source["count"])
        for row, source in zip(rows, data["sectors"], strict=True)
    ]
    description = _(
        "Nombre d'associations en activité par secteur, du plus grand au plus petit. Une "
        "association de plusieurs secteurs compte dans chacun. Premier secteur : %(label)s, "
        "%(count)s associations."
    ) % {"label": rows[0]["label"], "count": rows[0]["count"]} if rows else ""
    return {
        "rows": rows,
        "chart": bar_chart(
            "chart-sectors", _("Associations en activité par secteur"), description, bars
        ) if rows else "",
    }


def communes(data, directory_url):
    rows = [
        {
            "label": row["name"],
            "count": number(row["count"]),
            "population": number(row["population"]) if row["population"] else "",
            "per_thousand": rate(row["per_thousand"]),
            "link": directory_link(directory_url, commune=row["code"]),
        }
        for row in data["communes"]
    ]
    top = data["communes"][:TOP_COMMUNES]
    bars = [Bar(row["name"], row["count"]) for row in top]
    description = _(
        "Les %(top)s communes qui comptent le plus d'associations en activité, sur "
        "%(communes)s communes qui en ont au moins une. Première : %(label)s, %(count)s "
        "associations."
    ) % {
        "top": len(top), "communes": number(len(rows)),
        "label": rows[0]["label"], "count": rows[0]["count"],
    } if rows else ""
    return {
        "rows": rows,
        "top": len(top),
        "chart": bar_chart(
            "chart-communes",
            _("Les %(top)s communes qui comptent le plus d'associations") % {"top": len(top)},
            description,
            bars,
        ) if rows else "",
    }


def years(data):
    series = data["years"]
    rows = [
        {"year": row["year"], "created": number(row["created"]),
         "dissolved": number(row["dissolved"])}
        for row in series
    ]
    if not series:
        return {"rows": rows, "chart": ""}
    first, last = series[0]["year"], series[-1]["year"]
    created, dissolved = _("Créations"), _("Dissolutions")
    description = _(
        "Créations et dissolutions d'associations chaque année, de %(first)s à %(last)s : "
        "%(created)s créations et %(dissolved)s dissolutions en tout. Les créations sont en "
        "colonnes pleines, les dissolutions en colonnes hachurées."
    ) % {
        "first": first, "last": last,
        "created": number(sum(row["created"] for row in series)),
        "dissolved": number(sum(row["dissolved"] for row in series)),
    }
    chart = column_chart(
        "chart-years",
        _("Créations et dissolutions par année, de %(first)s à %(last)s")
        % {"first": first, "last": last},
        description,
        [row["year"] for row in series],
        [
            Series(created, [row["created"] for row in series], colour=PRIMARY),
            Series(dissolved, [row["dissolved"] for row in series], colour=ACCENT, hatched=True),
        ],
    )
    return {"rows": rows, "chart": chart, "first": first, "last": last}


def members(data, directory_url):
    active, count = data["members"]["active"], data["members"]["members"]
    share = number(count * 100 / active, 1) if active else number(0, 1)
    rows = [
        {"label": _("Associations en activité"), "count": number(active),
         "share": number(100, 1) if active else number(0, 1),
         "link": directory_link(directory_url, status="active")},
        {"label": _("dont membres du collectif"), "count": number(count), "share": share,
         "link": directory_link(directory_url, member="on")},
    ]
    description = _(
        "%(members)s des %(active)s associations en activité sont membres du collectif, soit "
        "%(share)s %%."
    ) % {"members": number(count), "active": number(active), "share": share}
    bars = [Bar(rows[0]["label"], active), Bar(rows[1]["label"], count)]
    return {
        "rows": rows,
        "chart": bar_chart(
            "chart-members", _("Membres du collectif parmi les associations en activité"),
            description, bars,
        ) if active else "",
    }


def observatory_context(data, directory_url=None):
    """The template's context for the figures `data` (see observatory.compute)."""
    headline = data["headline"]
    return {
        "headline": [
            {"label": _("Associations en activité"), "value": number(headline["active"]),
             "link": directory_link(directory_url, status="active")},
            {"label": _("Associations dissoutes"), "value": number(headline["dissolved"]),
             "link": directory_link(directory_url, status="dissolved")},
            {"label": _("Membres du collectif"), "value": number(headline["members"]),
             "link": directory_link(directory_url, member="on")},
        ],
        "without_commune": (
            number(headline["without_commune"]) if headline["without_commune"] else ""
        ),
        "dissolved_undated": (
            number(headline.get("dissolved_undated", 0))
            if headline.get("dissolved_undated") else ""
        ),
        "has_associations": bool(headline["active"] or headline["dissolved"]),
        "sectors": sectors(data, directory_url),
        "communes": communes(data, directory_url),
        "years": years(data),
        "members": members(data, directory_url),
        "computed_at": data["computed_at"],
        "last_import": data["last_import"],
        "directory_url": directory_url,
    }
