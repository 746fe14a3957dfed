"""`manage.py restore ARCHIVE`: the archive of `manage.py backup` restored into an empty
instance (database created and migrated, nothing else); see portal/backups.py."""

from django.core.management.base import BaseCommand, CommandError

from portal import backups


class Command(BaseCommand):
    help = (
        "Restaure une archive de `manage.py backup` dans une instance neuve (base créée et "
        "migrée par la même version du code, sans compte ni page) : données, fichiers publics "
        "et privés, puis l'index de recherche."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="L'archive .tar.gz écrite par `manage.py backup`.")

    def handle(self, *args, archive, **options):
        try:
            manifest = backups.restore_backup(archive, stdout=self.stdout)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            f"Sauvegarde du {manifest['made']} restaurée : {rows} lignes, "
            f"{len(manifest['files'])} fichiers.")
