"""Import of the national register of associations (RNA, "Waldec" file) into the directory.

The file is read exactly as the State publishes it: 39 columns named in its header, `;`
between fields (detected), UTF-8 (with or without BOM) or Latin-1/Windows-1252 (detected),
quoted fields that may hold the separator or line breaks, `0001-01-01` for "no date".

It is streamed row by row and written in batches, so memory stays flat whatever the size of
the file. When one RNA number appears on several rows, the row the register updated last
(`maj_time`) wins wherever it stands, and the others are named in the report as duplicates;
at equal `maj_time`, the first row of the file wins. To know the winner before writing, a
first quick pass reads only the number, the update time and the commune of each row, and
keeps, for the numbers that appear more than once, the line of their newest row.

Associations are upserted by RNA number. What an editor or an association changed by
hand is never overwritten: each association keeps the values the last import wrote
(`rna_snapshot`); a field whose current value differs from them was edited, and stays.
"""

import codecs
import csv
import datetime
import io
import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from directory import observatory
from directory.models import Association, Commune, RnaImport, Sector, serialize_value
from directory.search import name_initial, search_document
from directory.signals import forget_directory_caches_now_and_on_commit
from directory.validators import RNA_ID, siret_is_valid

# The columns of the Waldec file, in the order the State publishes them.
WALDEC_COLUMNS = [
    "id", "id_ex", "siret", "rup_mi", "gestion", "date_creat", "date_decla", "date_publi",
    "date_disso", "nature", "groupement", "titre", "titre_court", "objet", "objet_social1",
    "objet_social2", "adrs_complement", "adrs_numvoie", "adrs_repetition", "adrs_typevoie",
    "adrs_libvoie", "adrs_distrib", "adrs_codeinsee", "adrs_codepostal", "adrs_libcommune",
    "adrg_declarant", "adrg_complemid", "adrg_complemgeo", "adrg_libvoie", "adrg_distrib",
    "adrg_codepostal", "adrg_achemine", "adrg_pays", "dir_civilite", "siteweb", "publiweb",
    "observation", "position", "maj_time",
]
REQUIRED_COLUMNS = [
    "id", "siret", "date_creat", "date_disso", "groupement", "titre", "titre_court", "objet",
    "objet_social1", "objet_social2", "adrs_numvoie", "adrs_repetition", "adrs_typevoie",
    "adrs_libvoie", "adrs_complement", "adrs_distrib", "adrs_codeinsee", "adrs_codepostal",
    "siteweb", "position", "maj_time",
]
NO_DATE = "0001-01-01"
GROUPINGS = {"S": "simple", "U": "union", "F": "federation"}
# The fields an import writes, by model attribute; everything else is never touched.
RNA_FIELDS = [
    "name", "short_name", "siret", "grouping", "created_on", "dissolved_on",
    "dissolved_on_estimated", "social_object", "rna_object_codes", "address", "postcode",
    "commune_id", "website",
]
BATCH_SIZE = 1000
LATIN_FALLBACK = "latin1-fallback"


def _latin1_fallback(error):
    # Bytes that Windows-1252 leaves undefined are read as Latin-1.
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error(LATIN_FALLBACK, _latin1_fallback)


class RnaFileError(Exception):
    """The file cannot be read as an RNA Waldec file at all (or cannot be imported now)."""


IMPORT_LOCK = 7_740_001  # PostgreSQL advisory lock key: one import at a time


def take_import_lock():
    """On PostgreSQL, refuse a second import while one runs (released at the end of the
    transaction). Elsewhere (SQLite), writers already wait for each other."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [IMPORT_LOCK])
        if not cursor.fetchone()[0]:
            raise RnaFileError(_("Un autre import du RNA est en cours : réessayez quand il "
                                 "sera fini."))


@dataclass
class Problem:
    line: int
    rna_id: str
    reason: str

    def __str__(self):
        who = f" ({self.rna_id})" if self.rna_id else ""
        return _("ligne %(line)s%(who)s : %(reason)s") % {
            "line": self.line, "who": who, "reason": self.reason,
        }


@dataclass
class ImportReport:
    file_name: str
    encoding: str = ""
    delimiter: str = ""
    department: str = ""
    dry_run: bool = False
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dissolved: int = 0
    removed: int = 0
    unpublished: int = 0
    filtered: int = 0
    skipped: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def lines(self):
        yield from file_report_header(self)
        yield _("Créées : %(n)s") % {"n": self.created}
        yield _("Mises à jour : %(n)s") % {"n": self.updated}
        yield _("Inchangées : %(n)s") % {"n": self.unchanged}
        yield _("Dont marquées dissoutes : %(n)s") % {"n": self.dissolved}
        if self.removed:
            yield _("Supprimées du RNA : %(n)s, dont %(unpublished)s retirées de l'annuaire") % {
                "n": self.removed, "unpublished": self.unpublished,
            }
        if self.department:
            yield _("Hors du département %(dep)s : %(n)s") % {
                "dep": self.department, "n": self.filtered,
            }
        yield _("Écartées : %(n)s") % {"n": len(self.skipped)}
        for problem in self.skipped:
            yield f"  {problem}"
        if self.warnings:
            yield _("Avertissements : %(n)s") % {"n": len(self.warnings)}
            for problem in self.warnings:
                yield f"  {problem}"

    def __str__(self):
        return "\n".join(self.lines())


def sniff_encoding(path):
    """UTF-8 (with or without BOM) when the whole file decodes as such, else Latin-1.

    The whole file, in chunks: a Latin-1 file may have its first accent after millions of
    plain ASCII bytes, and guessing from the start would fail halfway through the import.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as file:
        first = file.read(1 << 20)
        if first.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        chunk = first
        try:
            while chunk:
                decoder.decode(chunk, final=False)
                chunk = file.read(1 << 20)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "latin-1"
    return "utf-8"


def sniff_delimiter(header_line):
    counts = {delimiter: header_line.count(delimiter) for delimiter in (";", ",", "\t", "|")}
    return max(counts, key=counts.get)


def parse_date(value):
    value = (value or "").strip()
    if not value or value.startswith(NO_DATE):
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return datetime.datetime.strptime(value[:10], "%d/%m/%Y").date()
    except ValueError as error:
        raise ValueError(value) from error


_url_validator = URLValidator(schemes=["http", "https"])


def clean_website(value):
    value = (value or "").strip()
    if not value:
        return ""
    if "://" not in value:
        value = f"http://{value}"
    _url_validator(value)
    return value[:200]


def file_report_header(report):
    """The first lines of the report of a file read (RNA import, commune centres): which
    file, how it was read, whether anything was saved, how many rows."""
    yield _("Fichier : %(name)s (encodage %(encoding)s, séparateur « %(delimiter)s »)") % {
        "name": report.file_name, "encoding": report.encoding, "delimiter": report.delimiter,
    }
    if report.dry_run:
        yield _("Essai à blanc : rien n'a été enregistré.")
    yield _("Lues : %(n)s") % {"n": report.read}


def join(*parts):
    return " ".join(part.strip() for part in parts if part and part.strip())


class WaldecReader:
    """Streams the rows of a Waldec file as dicts, with the line where each record starts."""

    def __init__(self, path, encoding=None):
        self.path = Path(path)
        self.encoding = encoding or sniff_encoding(self.path)
        self.raw = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        if self.encoding == "latin-1":
            text = io.TextIOWrapper(self.raw, encoding="cp1252", errors=LATIN_FALLBACK,
                                    newline="")
        else:
            text = io.TextIOWrapper(self.raw, encoding=self.encoding, newline="")
        self.text = text
        header_line = text.readline()
        self.delimiter = sniff_delimiter(header_line)
        self.header = [
            name.strip().strip('"').lower()
            for name in next(csv.reader([header_line], delimiter=self.delimiter))
        ]
        missing = [name for name in REQUIRED_COLUMNS if name not in self.header]
        if missing:
            self.close()
            raise RnaFileError(
                _("Ce n'est pas un fichier RNA Waldec : colonnes absentes (%(columns)s).")
                % {"columns": ", ".join(missing)}
            )
        self.size = max(self.path.stat().st_size, 1)

    @property
    def display_encoding(self):
        return {"utf-8-sig": "UTF-8 (BOM)", "utf-8": "UTF-8", "latin-1": "Latin-1"}[self.encoding]

    def progress(self):
        return min(self.raw.tell() / self.size, 1.0)

    def __iter__(self):
        reader = csv.reader(self.text, delimiter=self.delimiter)
        line = 2  # the header is line 1
        width = len(self.header)
        for record in reader:
            start, line = line, reader.line_num + 2
            if not record or record == [""]:
                continue
            if len(record) != width:
                yield start, None, len(record)
            else:
                yield start, dict(zip(self.header, record, strict=True)), width

    def columns(self, *names):
        """(line, values of `names`) of each row of the right width, without making dicts:
        the quick first pass of the import."""
        reader = csv.reader(self.text, delimiter=self.delimiter)
        indexes = [self.header.index(name) for name in names]
        line = 2
        width = len(self.header)
        for record in reader:
            start, line = line, reader.line_num + 2
            if len(record) == width:
                yield start, [record[index] for index in indexes]

    def close(self):
        self.raw.close()


def update_time(value):
    """The register's last update of a row (`maj_time`), comparable; the oldest possible
    when it is empty or unreadable."""
    value = (value or "").strip()
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.strptime(value[:10], "%d/%m/%Y")
    except ValueError:
        return datetime.datetime.min


class RnaImporter:
    def __init__(self, path, department="", dry_run=False, progress=None):
        self.path = Path(path)
        self.department = department or ""
        self.dry_run = dry_run
        self.progress = progress
        self.report = ImportReport(self.path.name, department=self.department, dry_run=dry_run)
        self.communes = {
            code: (pk, parent_id, kind, dept)
            for code, pk, parent_id, kind, dept in Commune.objects.values_list(
                "code", "pk", "parent_id", "kind", "department"
            )
        }
        # A code the geographic code no longer knows (communes merged since the association
        # declared its seat) is placed by its postcode when only one commune has it.
        by_postcode = {}
        for code, postcodes in Commune.objects.filter(
            kind__in=[Commune.Kind.COMMUNE, Commune.Kind.ARRONDISSEMENT]
        ).values_list("code", "postcodes"):
            for postcode in postcodes.split():
                by_postcode.setdefault(postcode, []).append(code)
        self.commune_of_postcode = {
            postcode: codes[0] for postcode, codes in by_postcode.items() if len(codes) == 1
        }
        self.sectors = dict(Sector.objects.values_list("code", "pk"))
        # {RNA number: (line, maj_time)} of the newest row of each number found on several
        # rows (newest_rows).
        self.newest = {}
        self.removed = []
        self.now = timezone.now()

    # Reading

    def run(self):
        """Import the file in one transaction: bad input that stops it changes nothing."""
        reader = WaldecReader(self.path)
        self.report.encoding = reader.display_encoding
        self.report.delimiter = reader.delimiter
        try:
            self.newest = self.newest_rows(WaldecReader(self.path, encoding=reader.encoding))
            with transaction.atomic():
                take_import_lock()
                self.read_and_write(reader)
                if not self.dry_run:
                    self.log()
        except csv.Error as error:
            raise RnaFileError(
                _("Fichier illisible vers la ligne %(line)s : %(error)s")
                % {"line": self.report.read + 1, "error": error}
            ) from error
        finally:
            reader.close()
        if self.progress:
            self.progress(1.0, self.report.read)
        if not self.dry_run:
            # The import writes in bulk, without the signals that tell the directory's caches
            # (pages, member names) an association changed: they forget here, all at once
            # (and again when a caller's transaction commits).
            forget_directory_caches_now_and_on_commit()
            self.refresh_statistics()
            self.refresh_observatory()
        return self.report

    def newest_rows(self, reader):
        """{RNA number: (line, maj_time)} of the row that wins, for each number on several
        rows of the file (of the department, when one is chosen): the later `maj_time`,
        the first row at equal times. Only the numbers seen are held, never the rows."""
        seen, duplicated = {}, set()
        try:
            for line, (raw_id, maj_time, commune_code, postcode) in reader.columns(
                "id", "maj_time", "adrs_codeinsee", "adrs_codepostal"
            ):
                rna_id = raw_id.strip().upper()
                if self.department and self.department_of(commune_code, postcode) != (
                    self.department
                ):
                    continue
                if not RNA_ID.match(rna_id):
                    continue
                time = update_time(maj_time)
                kept = seen.get(rna_id)
                if kept is None:
                    seen[rna_id] = (line, time, maj_time.strip())
                    continue
                duplicated.add(rna_id)
                if time > kept[1]:
                    seen[rna_id] = (line, time, maj_time.strip())
        finally:
            reader.close()
        return {rna_id: (seen[rna_id][0], seen[rna_id][2]) for rna_id in duplicated}

    def locate(self, commune_code, postcode):
        """(commune, postcode_commune): the commune of a row's code, else the one commune of
        its postcode (then also its code)."""
        commune_code = commune_code.strip().upper()
        commune = self.communes.get(commune_code)
        postcode_commune = None
        if commune is None and commune_code:
            postcode_commune = self.commune_of_postcode.get(postcode.strip())
            commune = self.communes.get(postcode_commune)
        return commune, postcode_commune

    def department_of(self, commune_code, postcode, commune=None):
        """The department of a row: its commune's, else the start of its codes."""
        if commune is None:
            commune, _postcode_commune = self.locate(commune_code, postcode)
        return commune[3] if commune else (commune_code.strip().upper() or postcode)[:2]

    def read_and_write(self, reader):
        batch = []
        for line, row, width in reader:
            self.report.read += 1
            parsed = self.parse(line, row, width)
            if parsed is not None:
                batch.append(parsed)
            if len(batch) >= BATCH_SIZE or len(self.removed) >= BATCH_SIZE:
                self.write(batch)
                batch = []
                reset_queries()  # with DEBUG on, Django would keep every query in memory
                if self.progress:
                    self.progress(reader.progress(), self.report.read)
        if batch or self.removed:
            self.write(batch)

    def refresh_statistics(self):
        """After a large import, PostgreSQL's planner needs fresh statistics to choose the
        indexes (autovacuum would come, but later)."""
        if connection.vendor == "postgresql" and (self.report.created or self.report.updated):
            # VACUUM also marks the pages all-visible, so counts can read indexes only; it
            # cannot run inside a transaction (a caller's, or a test's): ANALYZE alone then.
            command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                cursor.execute(f"{command} directory_association")
                cursor.execute(f"{command} directory_association_sectors")

    def refresh_observatory(self):
        """Count the observatory's figures now, so that its first visitor does not wait."""
        observatory.refresh()

    def skip(self, line, rna_id, reason):
        self.report.skipped.append(Problem(line, rna_id, reason))

    def parse(self, line, row, width):
        if row is None:
            self.skip(line, "", _("%(found)s colonnes au lieu de %(expected)s")
                      % {"found": width, "expected": len(WALDEC_COLUMNS)})
            return None
        rna_id = row["id"].strip().upper()
        commune_code = row["adrs_codeinsee"].strip().upper()
        commune, postcode_commune = self.locate(commune_code, row["adrs_codepostal"])
        if self.department:
            department = self.department_of(commune_code, row["adrs_codepostal"], commune)
            if department != self.department:
                self.report.filtered += 1
                return None
        if not RNA_ID.match(rna_id):
            self.skip(line, rna_id, _("numéro RNA invalide « %(value)s »") % {"value": rna_id})
            return None
        newest_line, newest_time = self.newest.get(rna_id, (line, ""))
        if newest_line != line:
            self.skip(line, rna_id, _("doublon : la ligne %(line)s est gardée (mise à jour du RNA "
                                      "« %(time)s »)")
                      % {"line": newest_line, "time": newest_time})
            return None
        if row["position"].strip().upper() == "S":
            # Removed from the register: never created here; unpublished if we have it.
            self.removed.append(rna_id)
            return None
        name = row["titre"].strip()
        if not name:
            self.skip(line, rna_id, _("nom absent"))
            return None
        if commune is None:
            self.skip(line, rna_id, _("commune inconnue « %(code)s »") % {"code": commune_code})
            return None
        if postcode_commune:
            self.report.warnings.append(Problem(
                line, rna_id,
                _("commune inconnue « %(code)s », rattachée à %(commune)s par son code postal")
                % {"code": commune_code, "commune": postcode_commune},
            ))
        try:
            created_on = parse_date(row["date_creat"])
        except ValueError:
            self.skip(line, rna_id, _("date de création invalide « %(value)s »")
                      % {"value": row["date_creat"]})
            return None
        try:
            dissolved_on = parse_date(row["date_disso"])
            estimated = dissolved_on is None and row["position"].strip().upper() == "D"
            if estimated:  # dissolved, date unknown: the register's last update stands in
                dissolved_on = parse_date(row["maj_time"]) or created_on
        except ValueError:
            self.skip(line, rna_id, _("date de dissolution invalide « %(value)s »")
                      % {"value": row["date_disso"]})
            return None
        if created_on and dissolved_on and dissolved_on < created_on:
            self.skip(line, rna_id, _("dissolution antérieure à la création"))
            return None

        siret = "".join(char for char in row["siret"] if char.isdigit())
        if siret and not siret_is_valid(siret):
            self.report.warnings.append(
                Problem(line, rna_id, _("SIRET invalide ignoré « %(value)s »") % {"value": siret})
            )
            siret = ""
        try:
            website = clean_website(row["siteweb"])
        except ValidationError:
            self.report.warnings.append(
                Problem(line, rna_id, _("site web invalide ignoré « %(value)s »")
                        % {"value": row["siteweb"].strip()})
            )
            website = ""
        codes = [code.strip() for code in (row["objet_social1"], row["objet_social2"])
                 if code.strip() and code.strip() != "000000"]
        sector_codes = sorted({
            family for family in map(Sector.family_code, codes) if family in self.sectors
        })
        postcode = row["adrs_codepostal"].strip()
        pk, parent_id, kind, _dept = commune
        address = join(row["adrs_numvoie"], row["adrs_repetition"], row["adrs_typevoie"],
                       row["adrs_libvoie"])
        if row["adrs_complement"].strip():
            address = join(address + ",", row["adrs_complement"]) if address else join(
                row["adrs_complement"])
        values = {
            "name": name[:250],
            "short_name": row["titre_court"].strip()[:80],
            "siret": siret,
            "grouping": GROUPINGS.get(row["groupement"].strip().upper(), "simple"),
            "created_on": created_on,
            "dissolved_on": dissolved_on,
            "dissolved_on_estimated": estimated,
            "social_object": row["objet"].strip(),
            "rna_object_codes": " ".join(codes),
            "address": address[:250],
            "postcode": postcode if len(postcode) == 5 and postcode.isdigit() else "",
            "commune_id": parent_id if kind in ("delegated", "associated") and parent_id else pk,
            "website": website,
        }
        return line, rna_id, values, sector_codes

    # Writing

    def write(self, batch):
        self.unpublish_removed()
        ids = [rna_id for _line, rna_id, _values, _sectors in batch]
        rows = Association.objects.filter(rna_id__in=ids).prefetch_related("sectors")
        if not self.dry_run:
            rows = rows.select_for_update()  # an edit saved meanwhile waits, and is not lost
        existing = {association.rna_id: association for association in rows}
        to_create, to_update, sector_changes = [], [], {}
        for line, rna_id, values, sector_codes in batch:
            snapshot = {name: serialize_value(values[name]) for name in RNA_FIELDS}
            snapshot["sectors"] = sector_codes
            association = existing.get(rna_id)
            if association is None:
                to_create.append((Association(
                    rna_id=rna_id,
                    slug=f"{slugify(values['short_name'] or values['name'])[:200]}-"
                    f"{rna_id.lower()}".lstrip("-"),
                    source=Association.Source.RNA,
                    rna_snapshot=snapshot,
                    last_synced_at=self.now,
                    search_document=search_document(
                        values["name"], values["short_name"], values["social_object"]
                    ),
                    initial=name_initial(values["name"]),
                    **values,
                ), sector_codes))
                continue
            changed = self.merge(association, values, snapshot, sector_codes, sector_changes,
                                 line)
            if changed:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
            if changed:
                association.search_document = association.make_search_document()
                association.initial = name_initial(association.name)
            if changed or association.rna_snapshot != snapshot:
                association.rna_snapshot = snapshot
                association.last_synced_at = self.now
                association.updated_at = self.now
                to_update.append(association)
        self.report.created += len(to_create)
        self.avoid_slug_collisions([new for new, _codes in to_create])
        if self.dry_run:
            return
        with transaction.atomic():
            created = Association.objects.bulk_create([new for new, _codes in to_create])
            Association.objects.bulk_update(
                to_update,
                [*RNA_FIELDS, "rna_snapshot", "last_synced_at", "updated_at", "search_document",
                 "initial"],
            )
            through = Association.sectors.through
            if sector_changes:
                through.objects.filter(association_id__in=list(sector_changes)).delete()
            links = [
                through(association_id=new.pk, sector_id=self.sectors[code])
                for new, (_unsaved, codes) in zip(created, to_create, strict=True)
                for code in codes
            ] + [
                through(association_id=pk, sector_id=self.sectors[code])
                for pk, codes in sector_changes.items()
                for code in codes
            ]
            through.objects.bulk_create(links)

    def unpublish_removed(self):
        """Associations the register removed (position S) leave the public directory; the
        record stays, as an editor may want it back."""
        removed, self.removed = self.removed, []
        self.report.removed += len(removed)
        if not removed:
            return
        published = Association.objects.filter(rna_id__in=removed, published=True)
        if self.dry_run:
            self.report.unpublished += published.count()
        else:
            self.report.unpublished += published.update(published=False, updated_at=self.now)

    def avoid_slug_collisions(self, associations):
        """A slug ends with the RNA number, but a record made or edited by hand may hold it."""
        taken = set(Association.objects.filter(
            slug__in=[association.slug for association in associations]
        ).values_list("slug", flat=True))
        for association in associations:
            if association.slug in taken:
                base, number = association.slug, 2
                while f"{base}-{number}" in taken or Association.objects.filter(
                    slug=f"{base}-{number}"
                ).exists():
                    number += 1
                association.slug = f"{base}-{number}"
                taken.add(association.slug)

    def merge(self, association, values, snapshot, sector_codes, sector_changes, line=0):
        """Take what the RNA changed, keep what was edited by hand; True if anything changed."""
        previous = association.rna_snapshot or {}
        original = {name: getattr(association, name) for name in RNA_FIELDS}
        for name in RNA_FIELDS:
            current = getattr(association, name)
            new = values[name]
            if serialize_value(current) == snapshot[name]:
                continue
            if name in previous:
                edited_by_hand = serialize_value(current) != previous[name]
            else:  # never imported: what is there was typed by hand; fill only the gaps
                default = Association._meta.get_field(name).get_default()
                edited_by_hand = current not in (None, "", default)
            if not edited_by_hand:
                setattr(association, name, new)
        created_on, dissolved_on = association.created_on, association.dissolved_on
        if created_on and dissolved_on and dissolved_on < created_on:
            # The RNA's date against one typed by hand: keep the record as it was.
            association.dissolved_on = original["dissolved_on"]
            association.created_on = original["created_on"]
            self.report.warnings.append(Problem(
                line, association.rna_id,
                _("dates du RNA incompatibles avec celles saisies à la main : gardées"),
            ))
        changed = any(getattr(association, name) != original[name] for name in RNA_FIELDS)
        if association.dissolved_on and not original["dissolved_on"]:
            self.report.dissolved += 1
        current_sectors = sorted(sector.code for sector in association.sectors.all())
        if current_sectors != sector_codes:
            hand_made = ("sectors" in previous and current_sectors != previous["sectors"]) or (
                "sectors" not in previous and current_sectors
            )
            if not hand_made:
                sector_changes[association.pk] = sector_codes
                changed = True
        return changed

    def log(self):
        report = self.report
        RnaImport.objects.create(
            started_at=self.now,
            finished_at=timezone.now(),
            file_name=report.file_name[:255],
            encoding=report.encoding,
            department=report.department,
            dry_run=report.dry_run,
            read=report.read,
            created=report.created,
            updated=report.updated,
            unchanged=report.unchanged,
            filtered=report.filtered,
            skipped=len(report.skipped),
            report=str(report),
        )


def text_progress_bar(stream=sys.stderr, width=30):
    """A progress callback drawing `[#####     ]  45 %  45 000 lignes` on a terminal."""

    def draw(fraction, rows):
        done = int(fraction * width)
        stream.write(
            f"\r[{'#' * done}{' ' * (width - done)}] {fraction:4.0%}  "
            + _("%(rows)s lignes") % {"rows": f"{rows:,}".replace(",", " ")}
        )
        if fraction >= 1.0:
            stream.write("\n")
        stream.flush()

    return draw
