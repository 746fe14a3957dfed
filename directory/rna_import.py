"""Import of the national register of associations (RNA, "Waldec" file) into the directory.

The file is read exactly as the State publishes it (directory/rna_file.py). It is streamed row
by row and written in batches, so memory stays flat whatever the size of the file. When one
RNA number appears on several rows, the row the register updated last (`maj_time`) wins
wherever it stands, and the others are named in the report as duplicates; at equal
`maj_time`, the first row of the file wins. To know the winner before writing, a first quick
pass reads only the number, the update time and the commune of each row, and keeps, for the
numbers that appear more than once, the line of their newest row.

Each row is checked and turned into an association's values (directory/rna_rows.py), then
associations are upserted by RNA number (directory/rna_writing.py). What an editor or an
association changed by hand is never overwritten: each association keeps the values the last
import wrote (`rna_snapshot`); a field whose current value differs from them was edited, and
stays. The report is directory/rna_report.py's.
"""

import csv
from pathlib import Path

from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from directory import observatory
from directory.models import Commune, RnaImport, Sector
from directory.rna_file import RnaFileError, WaldecReader, update_time
from directory.rna_report import ImportReport
from directory.rna_rows import RowParsing
from directory.rna_writing import RowWriting
from directory.signals import forget_directory_caches_now_and_on_commit
from directory.validators import RNA_ID

BATCH_SIZE = 1000
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


class RnaImporter(RowParsing, RowWriting):
    """Imports one RNA file: reads it twice (the winners of duplicated numbers, then every
    row), checks each row (RowParsing) and writes them in batches (RowWriting)."""

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
