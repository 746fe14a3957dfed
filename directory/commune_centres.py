"""Loading the centres of the communes (latitude, longitude) from a CSV file.

The RNA gives no coordinates: the directory's map places an association that has no position
of its own at the centre of its commune. Those centres come from a file published on
data.gouv.fr (see directory/data/README.md), whose column names vary from one publisher or
year to the next; `load_commune_centres` accepts the usual variants:

- the commune's INSEE code: `code_insee`, `code_commune_INSEE`, `code_commune_insee`, `insee`
  or `code` (any case, a leading `#` ignored);
- its coordinates (WGS 84, decimal degrees): `latitude`/`longitude`,
  `latitude_centre`/`longitude_centre`, `lat`/`lon`, or one column `coordonnees_gps`,
  `coordonnees_geographiques` or `_geopoint` (La Poste) holding "lat, lon".

`;` or `,` separated, UTF-8 (with or without BOM) or Latin-1. Updates in bulk, in one
transaction; a second run of the same file changes nothing.
"""

import csv
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from directory.rna_file import sniff_delimiter, sniff_encoding
from directory.rna_report import file_report_header

CODE_COLUMNS = ["code_commune_insee", "code_insee", "insee", "code"]
COORDINATE_COLUMNS = [
    ("latitude_centre", "longitude_centre"),
    ("latitude", "longitude"),
    ("lat", "lon"),
]
COMBINED_COLUMNS = ["coordonnees_gps", "coordonnees_geographiques", "_geopoint"]
# France with its overseas communes (Saint-Pierre-et-Miquelon to La Réunion and beyond).
LATITUDE_RANGE = (Decimal(-25), Decimal(52))
LONGITUDE_RANGE = (Decimal(-180), Decimal(180))
PRECISION = Decimal("0.000001")
BATCH_SIZE = 2000
LISTED_PROBLEMS = 50


class CentresFileError(Exception):
    """The file cannot be read as a file of commune centres at all."""


@dataclass
class CentresReport:
    file_name: str
    encoding: str = ""
    delimiter: str = ""
    dry_run: bool = False
    read: int = 0
    updated: int = 0
    unchanged: int = 0
    unknown: list = field(default_factory=list)  # line numbers
    bad: list = field(default_factory=list)  # (line, reason)

    def lines(self):
        yield from file_report_header(self)
        yield _("Centres chargés : %(n)s") % {"n": self.updated}
        yield _("Inchangés : %(n)s") % {"n": self.unchanged}
        yield _("Codes de commune inconnus : %(n)s") % {"n": len(self.unknown)}
        if self.unknown:
            listed = ", ".join(str(line) for line in self.unknown[:LISTED_PROBLEMS])
            more = "…" if len(self.unknown) > LISTED_PROBLEMS else ""
            yield "  " + _("lignes %(lines)s") % {"lines": listed + more}
        yield _("Lignes écartées : %(n)s") % {"n": len(self.bad)}
        for line, reason in self.bad[:LISTED_PROBLEMS]:
            yield "  " + _("ligne %(line)s : %(reason)s") % {"line": line, "reason": reason}
        if len(self.bad) > LISTED_PROBLEMS:
            yield "  …"

    def __str__(self):
        return "\n".join(self.lines())


def normalize_header(name):
    return (name or "").strip().lstrip("\ufeff#").strip().lower()


def find_columns(header):
    """(code column, latitude column, longitude column, combined column) of a header row."""
    names = {normalize_header(name): index for index, name in enumerate(header)}
    code = next((names[name] for name in CODE_COLUMNS if name in names), None)
    if code is None:
        raise CentresFileError(
            _("Pas de colonne de code INSEE (attendu : %(names)s).")
            % {"names": ", ".join(CODE_COLUMNS)}
        )
    for latitude, longitude in COORDINATE_COLUMNS:
        if latitude in names and longitude in names:
            return code, names[latitude], names[longitude], None
    combined = next((names[name] for name in COMBINED_COLUMNS if name in names), None)
    if combined is None:
        expected = [f"{lat}/{lon}" for lat, lon in COORDINATE_COLUMNS] + COMBINED_COLUMNS
        raise CentresFileError(
            _("Pas de colonnes de coordonnées (attendu : %(names)s).")
            % {"names": ", ".join(expected)}
        )
    return code, None, None, combined


def parse_degrees(value, bounds):
    """A coordinate in decimal degrees within `bounds`, rounded to the micro-degree."""
    text = (value or "").strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")  # a decimal comma
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite() or not bounds[0] <= number <= bounds[1]:
        return None
    return number.quantize(PRECISION)


def parse_row(row, columns):
    """(code, latitude, longitude) of a row, or raise ValueError with the reason."""
    code_index, latitude_index, longitude_index, combined_index = columns

    def cell(index):
        return row[index].strip() if index is not None and index < len(row) else ""

    code = cell(code_index).upper()
    if len(code) == 4 and code.isdigit():
        code = "0" + code  # a spreadsheet dropped the leading zero
    if not code:
        raise ValueError(_("code INSEE vide"))
    if combined_index is not None:
        parts = [part.strip() for part in cell(combined_index).split(",")]
        if parts == [""]:
            raise ValueError(_("pas de coordonnées"))
        if len(parts) != 2:
            raise ValueError(_("coordonnées illisibles : « %(value)s »")
                             % {"value": cell(combined_index)})
        raw_latitude, raw_longitude = parts
    else:
        raw_latitude, raw_longitude = cell(latitude_index), cell(longitude_index)
        if not raw_latitude and not raw_longitude:
            raise ValueError(_("pas de coordonnées"))
    latitude = parse_degrees(raw_latitude, LATITUDE_RANGE)
    if latitude is None:
        raise ValueError(_("latitude hors de la France ou illisible : « %(value)s »")
                         % {"value": raw_latitude})
    longitude = parse_degrees(raw_longitude, LONGITUDE_RANGE)
    if longitude is None:
        raise ValueError(_("longitude illisible : « %(value)s »") % {"value": raw_longitude})
    return code, latitude, longitude


def read_centres(path, report):
    """Yield (line, code, latitude, longitude) of each good row; note the bad ones."""
    encoding = sniff_encoding(path)
    report.encoding = encoding
    with open(path, encoding=encoding, newline="") as file:
        header_line = file.readline()
        if not header_line.strip():
            raise CentresFileError(_("Le fichier est vide."))
        delimiter = ";" if header_line.count(";") else sniff_delimiter(header_line)
        report.delimiter = delimiter
        file.seek(0)
        reader = csv.reader(file, delimiter=delimiter)
        columns = find_columns(next(reader))
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            report.read += 1
            try:
                code, latitude, longitude = parse_row(row, columns)
            except ValueError as error:
                report.bad.append((reader.line_num, str(error)))
                continue
            yield reader.line_num, code, latitude, longitude


def load_centres(path, Commune, dry_run=False):
    """Give each commune of the file its centre; return the report."""
    path = Path(path)
    report = CentresReport(file_name=path.name, dry_run=dry_run)
    existing = {
        code: (pk, latitude, longitude)
        for code, pk, latitude, longitude in Commune.objects.values_list(
            "code", "pk", "latitude", "longitude"
        )
    }
    centres = {}
    for line, code, latitude, longitude in read_centres(path, report):
        if code not in existing:
            report.unknown.append(line)
        elif code not in centres:  # a file by postcode repeats its communes: the first wins
            centres[code] = (latitude, longitude)
    changed = []
    for code, (latitude, longitude) in centres.items():
        pk, old_latitude, old_longitude = existing[code]
        if (old_latitude, old_longitude) == (latitude, longitude):
            report.unchanged += 1
        else:
            changed.append(Commune(pk=pk, latitude=latitude, longitude=longitude))
    report.updated = len(changed)
    if changed and not dry_run:
        with transaction.atomic():
            Commune.objects.bulk_update(changed, ["latitude", "longitude"],
                                        batch_size=BATCH_SIZE)
    return report
