"""`manage.py backup FOLDER`: one dated archive of the site (database in a portable form,
public uploads, private files) written into FOLDER; see portal/backups.py and
docs/deployment.md (Backups)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal import backups


class Command(BaseCommand):
    help = (
        "Écrit dans DOSSIER une archive datée du site : la base de données (format portable "
        "entre SQLite et PostgreSQL), les fichiers publics et les fichiers privés. "
        "`manage.py restore` la restaure dans une instance neuve."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="Dossier où écrire l'archive (créé au besoin).")
        parser.add_argument(
            "--database", default=None, choices=list(settings.DATABASES),
            help="La base à lire : par défaut la réplique en lecture (DATABASE_REPLICA_URL) "
                 "s'il y en a une, sinon la base principale.",
        )

    def handle(self, *args, folder, database, **options):
        path = backups.write_backup(folder, using=database)
        self.stdout.write(f"Sauvegarde écrite : {path} ({path.stat().st_size / 1e6:.1f} Mo).")
