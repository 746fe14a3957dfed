"""The directory as open data: CSV and JSON of the published associations, with a JSON
Schema and the licence. Streamed row by row, so memory stays flat whatever the volume."""

import io
import json

from django.utils import timezone

from portal.admin_exports import SafeDictWriter

LICENCE = {
    "name": "Licence Ouverte / Open Licence version 2.0",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
SOURCE = (
    "Répertoire national des associations (RNA, ministère de l'Intérieur) et informations "
    "publiées par les associations elles-mêmes."
)
CHUNK = 2000

# (name, JSON type, description): the only fields that leave the site.
FIELDS = [
    ("name", "string", "Nom de l'association."),
    ("short_name", "string", "Sigle ou nom court (vide s'il n'y en a pas)."),
    ("url", "string", "Adresse de sa fiche dans l'annuaire."),
    ("rna_id", "string", "Numéro RNA (W suivi de neuf chiffres), vide s'il est inconnu."),
    ("siret", "string", "SIRET (quatorze chiffres), vide s'il n'y en a pas."),
    ("grouping", "string", "simple, union ou federation."),
    ("created_on", "string", "Date de création (AAAA-MM-JJ), vide si inconnue."),
    ("dissolved_on", "string", "Date de dissolution (AAAA-MM-JJ), vide si active."),
    ("sectors", "string", "Codes des familles de la nomenclature du RNA, séparés par des espaces."),
    ("commune_code", "string", "Code INSEE de la commune du siège."),
    ("commune", "string", "Nom de la commune du siège."),
    ("postcode", "string", "Code postal."),
    ("address", "string", "Adresse du siège, sans la commune."),
    ("website", "string", "Site web."),
    ("email", "string", "Courriel public."),
    ("phone", "string", "Téléphone public."),
    ("member", "boolean", "Membre du collectif."),
    ("latitude", "number|null", "Latitude (WGS 84), si connue."),
    ("longitude", "number|null", "Longitude (WGS 84), si connue."),
    ("updated_at", "string", "Dernière modification de la fiche (ISO 8601)."),
]
FIELD_NAMES = [name for name, _type, _description in FIELDS]


def json_schema(schema_url=""):
    """A JSON Schema (draft 2020-12) of the JSON export."""
    properties = {}
    for name, kind, description in FIELDS:
        types = kind.split("|")
        properties[name] = {"type": types if len(types) > 1 else types[0],
                            "description": description}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": "Annuaire des associations",
        "type": "object",
        "required": ["licence", "source", "generated_at", "associations"],
        "properties": {
            "licence": {"type": "object", "required": ["name", "url"]},
            "source": {"type": "string"},
            "generated_at": {"type": "string", "format": "date-time"},
            "schema": {"type": "string"},
            "count": {"type": "integer"},
            "associations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": FIELD_NAMES,
                    "additionalProperties": False,
                    "properties": properties,
                },
            },
        },
    }


EXPORTED_COLUMNS = [
    "name", "short_name", "slug", "rna_id", "siret", "grouping", "created_on", "dissolved_on",
    "postcode", "address", "website", "email", "phone", "is_member", "latitude", "longitude",
    "updated_at", "commune__code", "commune__name",
]


def rows(associations, url_of):
    """One dict per association, in FIELD_NAMES order, reading the queryset in chunks."""
    queryset = (
        associations.select_related("commune")
        .only(*EXPORTED_COLUMNS, "published")  # published: Association.page_url
        .prefetch_related("sectors")
    )
    for association in queryset.iterator(chunk_size=CHUNK):
        commune = association.commune
        yield {
            "name": association.name,
            "short_name": association.short_name,
            "url": url_of(association),
            "rna_id": association.rna_id,
            "siret": association.siret,
            "grouping": association.grouping,
            "created_on": association.created_on.isoformat() if association.created_on else "",
            "dissolved_on": (association.dissolved_on.isoformat()
                             if association.dissolved_on else ""),
            "sectors": " ".join(sector.code for sector in association.sectors.all()),
            "commune_code": commune.code if commune else "",
            "commune": commune.name if commune else "",
            "postcode": association.postcode,
            "address": association.address,
            "website": association.website,
            "email": association.email,
            "phone": association.phone,
            "member": association.is_member,
            "latitude": float(association.latitude) if association.latitude is not None
            else None,
            "longitude": float(association.longitude) if association.longitude is not None
            else None,
            "updated_at": association.updated_at.isoformat(),
        }


def csv_chunks(associations, url_of):
    buffer = io.StringIO()
    writer = SafeDictWriter(buffer, FIELD_NAMES, delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")  # a BOM, so that spreadsheets read the accents right
    writer.writeheader()
    for number, row in enumerate(rows(associations, url_of), start=1):
        row["member"] = "oui" if row["member"] else "non"
        row["latitude"] = "" if row["latitude"] is None else row["latitude"]
        row["longitude"] = "" if row["longitude"] is None else row["longitude"]
        writer.writerow(row)
        if number % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_chunks(associations, url_of, schema_url):
    count = associations.count()
    head = {
        "licence": LICENCE,
        "source": SOURCE,
        "generated_at": timezone.now().isoformat(),
        "schema": schema_url,
        "count": count,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "associations": ['
    chunk = []
    for number, row in enumerate(rows(associations, url_of)):
        chunk.append(("," if number else "") + json.dumps(row, ensure_ascii=False))
        if len(chunk) >= 500:
            yield "".join(chunk)
            chunk = []
    yield "".join(chunk) + "]}"
