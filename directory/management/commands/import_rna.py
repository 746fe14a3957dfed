"""`python manage.py import_rna FILE [--department 77] [--dry-run]`: see directory/rna_import.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.rna_file import RnaFileError
from directory.rna_import import RnaImporter
from directory.rna_report import text_progress_bar


class Command(BaseCommand):
    help = (
        "Imports the national register of associations (RNA, Waldec CSV file as published), "
        "upserting by RNA number; can run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The Waldec CSV file (UTF-8 or Latin-1).")
        parser.add_argument(
            "--department", default="",
            help="Keep only the associations of this department (e.g. 77).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report, but save nothing."
        )
        parser.add_argument(
            "--progress", action="store_true", default=None,
            help="Show a progress bar (by default, only on a terminal).",
        )

    def handle(self, file, department, dry_run, progress, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        department = department.strip().upper()
        if department and not (2 <= len(department) <= 3 and department.isalnum()):
            raise CommandError(f"Not a department number: {department!r} (e.g. 77, 2A, 974).")
        if progress is None:
            progress = self.stderr.isatty()
        importer = RnaImporter(
            file,
            department=department,
            dry_run=dry_run,
            progress=text_progress_bar(self.stderr) if progress else None,
        )
        try:
            report = importer.run()
        except RnaFileError as error:
            raise CommandError(str(error)) from error
        except UnicodeDecodeError as error:
            raise CommandError(f"The file is neither UTF-8 nor Latin-1: {error}") from error
        self.stdout.write(str(report))
