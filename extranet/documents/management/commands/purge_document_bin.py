"""Delete the documents that have waited in the bin for DOCUMENTS_BIN_DAYS days (30 by
default), with their versions, files and journal. Run daily (docs/deployment.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from extranet.documents import library


class Command(BaseCommand):
    help = "Supprime les documents restés plus de DOCUMENTS_BIN_DAYS jours dans la corbeille."

    def handle(self, *args, **options):
        titles = library.purge()
        for title in titles:
            self.stdout.write(f"- {title}")
        self.stdout.write(
            f"{len(titles)} document(s) supprimé(s) de la corbeille "
            f"(plus de {settings.DOCUMENTS_BIN_DAYS} jours)."
        )
