"""`python manage.py load_commune_centres FILE [--dry-run]`: see directory/commune_centres.py."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.commune_centres import CentresFileError, load_centres
from directory.models import Commune


class Command(BaseCommand):
    help = (
        "Loads the centres (latitude, longitude) of the communes from a CSV file as published "
        "on data.gouv.fr, so that the directory's map can place associations by their commune; "
        "can run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path,
            help="CSV with an INSEE code column and coordinates (UTF-8 or Latin-1, ; or ,).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Read and report, but save nothing."
        )

    def handle(self, file, dry_run, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            report = load_centres(file, Commune, dry_run=dry_run)
        except CentresFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(report))
