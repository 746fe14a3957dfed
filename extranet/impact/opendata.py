"""The observatory of social utility as open data (Licence Ouverte 2.0), under the page's
address: `donnees/json/` (years, years × sectors, the hourly values used, the consenting
associations' figures), `donnees/csv/` (the same rows in one table, a `level` column telling
which) and `donnees/schema/` (JSON Schema draft 2020-12 of the JSON, described in the page's
language); downloaded, they are named utilite-sociale.json and utilite-sociale.csv.
Everything comes from the cached figures (extranet/impact/figures.py): a hidden cell
(statistical secrecy) keeps its year and sector, `hidden` true and null figures."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.admin_exports import SafeDictWriter

LICENCE = {
    "name": "Licence Ouverte / Open Licence version 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
SOURCE = gettext_lazy(
    "Rapports d'impact annuels des associations membres du collectif, validés par la "
    "coordination."
)
SECRECY = gettext_lazy(
    "Secret statistique : un chiffre fait de moins de trois rapports n'est donné que si "
    "toutes les associations concernées ont accepté d'être publiées ; sinon il est masqué "
    "(hidden vaut true, les chiffres null), et quand un seul secteur d'une année est masqué, "
    "le plus petit des autres l'est aussi."
)

INTEGER, NUMBER, TEXT = "integer|null", "number|null", "string"
# (name, JSON type, description) of each list's items.
YEAR_FIELDS = [
    ("year", "integer", gettext_lazy("Année civile dont les rapports rendent compte.")),
    ("hidden", "boolean", gettext_lazy("Masqué par le secret statistique.")),
    ("reports", INTEGER, gettext_lazy("Nombre de rapports validés.")),
    ("volunteers", INTEGER, gettext_lazy("Bénévoles (chacun compté une fois par association).")),
    ("volunteer_hours", INTEGER, gettext_lazy("Heures de bénévolat.")),
    ("people_reached", INTEGER, gettext_lazy("Personnes touchées.")),
    ("hourly_value", NUMBER, gettext_lazy("Valeur d'une heure utilisée (euros).")),
    ("value_euros", INTEGER, gettext_lazy(
        "Valeur des heures de bénévolat en euros (heures × valeur d'une heure, arrondie).")),
    ("staff_permanent", INTEGER, gettext_lazy("Salarié·es en CDI au 31 décembre.")),
    ("staff_fixed_term", INTEGER, gettext_lazy("Salarié·es en CDD au 31 décembre.")),
    ("staff_subsidised", INTEGER, gettext_lazy("Salarié·es en contrat aidé au 31 décembre.")),
    ("staff_part_time", INTEGER, gettext_lazy("Salarié·es à temps partiel.")),
    ("precarious_share", NUMBER, gettext_lazy(
        "Part des emplois précaires (CDD et contrats aidés parmi tous les emplois), en %.")),
    ("part_time_share", NUMBER, gettext_lazy("Part des emplois à temps partiel, en %.")),
    ("public_grants_share", NUMBER, gettext_lazy(
        "Part moyenne des subventions publiques dans les ressources (une association, une "
        "voix), en %.")),
    ("calls_for_projects_share", NUMBER, gettext_lazy(
        "Part moyenne des appels à projets dans les ressources (une association, une voix), "
        "en %.")),
    ("calls_majority", INTEGER, gettext_lazy(
        "Associations dont la moitié des ressources au moins vient d'appels à projets.")),
    ("change_volunteer_hours", NUMBER, gettext_lazy(
        "Évolution des heures depuis l'année précédente, en %.")),
    ("change_people_reached", NUMBER, gettext_lazy(
        "Évolution des personnes touchées depuis l'année précédente, en %.")),
    ("change_value_euros", NUMBER, gettext_lazy(
        "Évolution de la valeur en euros depuis l'année précédente, en %.")),
]
SECTOR_FIELDS = [
    ("year", "integer", gettext_lazy("Année civile.")),
    ("sector_code", "string", gettext_lazy(
        "Code du secteur dans la nomenclature du Répertoire national des associations.")),
    ("sector", "string", gettext_lazy("Nom du secteur.")),
    ("hidden", "boolean", gettext_lazy("Masqué par le secret statistique.")),
    ("reports", INTEGER, gettext_lazy("Rapports validés ayant une activité dans ce secteur.")),
    ("volunteer_hours", INTEGER, gettext_lazy("Heures de bénévolat dans ce secteur.")),
    ("people_reached", INTEGER, gettext_lazy("Personnes touchées dans ce secteur.")),
    ("value_euros", INTEGER, gettext_lazy("Valeur de ces heures en euros.")),
]
HOURLY_VALUE_FIELDS = [
    ("year", "integer", gettext_lazy("Année à partir de laquelle la valeur s'applique.")),
    ("amount", "number", gettext_lazy("Valeur d'une heure de bénévolat, en euros.")),
    ("source", "string", gettext_lazy("D'où vient cette valeur.")),
    ("source_url", "string", gettext_lazy("Lien vers la source (vide s'il n'y en a pas).")),
]
ASSOCIATION_FIELDS = [
    ("year", "integer", gettext_lazy("Année du rapport.")),
    ("name", "string", gettext_lazy("Nom de l'association (qui a accepté d'être publiée).")),
    ("commune", "string", gettext_lazy("Commune du siège (vide si inconnue).")),
    ("volunteers", INTEGER, gettext_lazy("Bénévoles.")),
    ("staff", INTEGER, gettext_lazy("Salarié·es au 31 décembre.")),
    ("volunteer_hours", INTEGER, gettext_lazy("Heures de bénévolat.")),
    ("people_reached", INTEGER, gettext_lazy("Personnes touchées.")),
    ("value_euros", INTEGER, gettext_lazy("Valeur des heures en euros.")),
    ("figures_withheld", "boolean", gettext_lazy(
        "Vrai quand les chiffres de l'association sont retenus (null) : une ou deux "
        "associations de l'année n'ont pas accepté d'être publiées, et le total moins les "
        "associations nommées donnerait leurs chiffres.")),
    ("story", "string", gettext_lazy("Son récit de l'année.")),
]
LISTS = {
    "years": YEAR_FIELDS, "sectors": SECTOR_FIELDS, "hourly_values": HOURLY_VALUE_FIELDS,
    "associations": ASSOCIATION_FIELDS,
}


def _number(value):
    return None if value is None else float(value)


def _integer(value):
    return None if value is None else int(value)


def year_item(row):
    staff, change = row["staff"] or {}, row["change"] or {}
    value = row["hourly_value"]
    return {
        "year": row["year"], "hidden": row["hidden"], "reports": row["reports"],
        "volunteers": row["volunteers"], "volunteer_hours": row["volunteer_hours"],
        "people_reached": row["people_reached"],
        "hourly_value": _number(value["amount"]) if value else None,
        "value_euros": _integer(row["value_euros"]),
        **{f"staff_{key}": staff.get(key) for key in
           ("permanent", "fixed_term", "subsidised", "part_time")},
        **{key: row[key] for key in ("precarious_share", "part_time_share",
                                      "public_grants_share", "calls_for_projects_share",
                                      "calls_majority")},
        **{f"change_{key}": change.get(key) for key in
           ("volunteer_hours", "people_reached", "value_euros")},
    }


def sector_item(row, english=False):
    return {
        "year": row["year"], "sector_code": row["code"],
        "sector": (row["label_en"] or row["label"]) if english else row["label"],
        "hidden": row["hidden"], "reports": row["reports"],
        "volunteer_hours": row["volunteer_hours"], "people_reached": row["people_reached"],
        "value_euros": _integer(row["value_euros"]),
    }


def association_item(row):
    return {
        "year": row["year"], "name": row["name"], "commune": row["commune"],
        "volunteers": row["volunteers"], "staff": row["staff"],
        "volunteer_hours": row["volunteer_hours"], "people_reached": row["people_reached"],
        "value_euros": _integer(row["value_euros"]),
        "figures_withheld": row["figures_withheld"], "story": row["story"],
    }


def document(data, schema_url, generated_at, english=False):
    """The content of donnees.json, from the figures `data`."""
    return {
        "licence": LICENCE,
        "source": str(SOURCE),
        "secrecy": str(SECRECY),
        "generated_at": generated_at.isoformat(),
        "schema": schema_url,
        "hourly_values": [
            {**value, "amount": float(value["amount"])} for value in data["hourly_values"]
        ],
        "years": [year_item(row) for row in data["years"]],
        "sectors": [
            sector_item(row, english)
            for year in sorted(data["sectors"]) for row in data["sectors"][year]
        ],
        "associations": [association_item(row) for row in data["associations"]],
    }


def _items(fields):
    properties = {}
    for name, kind, description in fields:
        types = kind.split("|")
        properties[name] = {"type": types if len(types) > 1 else types[0],
                            "description": str(description)}
    return {
        "type": "object",
        "required": [name for name, _kind, _description in fields],
        "additionalProperties": False,
        "properties": properties,
    }


def json_schema(schema_url=""):
    """A JSON Schema (draft 2020-12) of donnees.json, described in the active language."""
    lists = {
        name: {"type": "array", "items": _items(fields)} for name, fields in LISTS.items()
    }
    descriptions = {
        "years": _("Une ligne par année ayant des rapports validés."),
        "sectors": _("Une ligne par année et secteur d'activité."),
        "hourly_values": _("Les valeurs d'une heure de bénévolat, avec leur source."),
        "associations": _("Les chiffres des associations qui ont accepté d'être publiées."),
    }
    for name, description in descriptions.items():
        lists[name]["description"] = description
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": _("Observatoire de l'utilité sociale"),
        "type": "object",
        "required": ["licence", "source", "generated_at", *LISTS],
        "properties": {
            "licence": {"type": "object", "required": ["name", "url"],
                        "description": _("La licence des données.")},
            "source": {"type": "string", "description": _("D'où viennent les chiffres.")},
            "secrecy": {"type": "string", "description": _("La règle du secret statistique.")},
            "generated_at": {"type": "string", "format": "date-time"},
            "schema": {"type": "string"},
            **lists,
        },
    }


CSV_FIELDS = ["level", "year", "sector_code", "sector", "name", "commune"] + [
    name for name, _kind, _description in YEAR_FIELDS if name != "year"
]


def csv_text(data, english=False):
    """donnees.csv: the years, then the years × sectors, then the consenting associations,
    one table with a `level` column (year, sector, association); empty where not relevant or
    hidden."""
    buffer = io.StringIO()
    writer = SafeDictWriter(buffer, CSV_FIELDS, delimiter=";", lineterminator="\r\n",
                            restval="")
    buffer.write("\ufeff")  # a BOM, so that spreadsheets read the accents right
    writer.writeheader()
    rows = [{"level": "year", **year_item(row)} for row in data["years"]]
    rows += [
        {"level": "sector", **sector_item(row, english)}
        for year in sorted(data["sectors"]) for row in data["sectors"][year]
    ]
    rows += [
        {"level": "association", "hidden": row["figures_withheld"],
         **{key: value for key, value in association_item(row).items()
            if key not in ("story", "staff", "figures_withheld")}}
        for row in data["associations"]
    ]
    for row in rows:
        writer.writerow({key: _csv_value(value) for key, value in row.items()})
    return buffer.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    return value
