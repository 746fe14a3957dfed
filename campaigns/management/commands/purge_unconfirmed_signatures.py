"""`manage.py purge_unconfirmed_signatures [--dry-run]`: the former name of
`manage.py purge_personal_data`, kept as a thin alias so that an existing cron line keeps
working; it runs every retention period, not only the petitions'."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Ancien nom de purge_personal_data (toutes les durées de conservation)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Compter ce qui serait purgé, sans rien modifier.")

    def handle(self, *args, dry_run=False, **options):
        self.stderr.write(self.style.WARNING(
            "purge_unconfirmed_signatures est devenu purge_personal_data : mettez la ligne de "
            "cron à jour."
        ))
        call_command("purge_personal_data", dry_run=dry_run, stdout=self.stdout,
                     stderr=self.stderr)
