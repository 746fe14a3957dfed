"""`manage.py purge_personal_data [--dry-run]`: every retention period of the personal data
(each app's, registered in portal.personal_data), all or nothing, with a report per kind.
Meant to run every day from cron, e.g. `30 3 * * * … manage.py purge_personal_data`; running
it again changes nothing more."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal import personal_data


class Command(BaseCommand):
    help = (
        "Applique les durées de conservation de toutes les données personnelles (signatures, "
        "inscriptions, demandes d'adhésion, invitations, comptes, groupes, actualités, "
        "modifications de fiche…) : ce qui a dépassé sa durée est supprimé ou anonymisé. À "
        "lancer chaque jour (cron). --dry-run compte sans rien modifier."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Compter ce qui serait purgé, sans rien modifier.")

    def handle(self, *args, dry_run=False, **options):
        if settings.CAMPAIGN_UNCONFIRMED_RETENTION_DAYS < settings.CAMPAIGN_CONFIRMATION_DAYS:
            self.stderr.write(self.style.WARNING(
                f"Attention : les liens de confirmation valent "
                f"{settings.CAMPAIGN_CONFIRMATION_DAYS} jours ; des signatures dont le lien "
                "vaut encore seront supprimées."
            ))
        done = personal_data.purge(timezone.now(), dry_run=dry_run)
        verb = "seraient " if dry_run else ""
        for retention, count in done:
            self.stdout.write(
                f"- {retention.label} ({retention.setting} = {retention.days} jours) : "
                f"{count} {verb}{retention.outcome}."
            )
        if dry_run:
            self.stdout.write("Simulation (--dry-run) : rien n'a été modifié.")
        else:
            total = sum(count for _retention, count in done)
            self.stdout.write(self.style.SUCCESS(f"Purge terminée : {total} enregistrement(s)."))
