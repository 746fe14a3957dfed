"""`manage.py purge_unconfirmed_signatures [--days N] [--dry-run]`: the retention periods of
the petitions' signatures (campaigns.personal_data). Meant to run every day from cron, e.g.
`30 3 * * * … manage.py purge_unconfirmed_signatures`; running it again changes nothing more.

- Unconfirmed signatures (the signer never clicked the emailed link) signed more than N days
  ago (default CAMPAIGN_UNCONFIRMED_RETENTION_DAYS), whose last link was sent as long ago, are
  deleted: they never counted.
- Confirmed signatures signed more than CAMPAIGN_SIGNATURE_RETENTION_DAYS ago, of a campaign
  that is neither in preparation nor open, are erased as `erase_personal_data` does: they
  still count, anonymous.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from campaigns.personal_data import erase_signatures, expired_signatures, stale_unconfirmed


class Command(BaseCommand):
    help = (
        "Supprime les signatures non confirmées de plus de N jours (par défaut "
        "CAMPAIGN_UNCONFIRMED_RETENTION_DAYS) et efface les signatures confirmées de plus de "
        "CAMPAIGN_SIGNATURE_RETENTION_DAYS jours des campagnes terminées (elles restent "
        "comptées, anonymes). À lancer chaque jour (cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, metavar="N",
            help="Supprimer les signatures non confirmées de plus de N jours (au moins 1 ; "
                 f"par défaut {settings.CAMPAIGN_UNCONFIRMED_RETENTION_DAYS}).",
        )
        parser.add_argument("--dry-run", action="store_true",
                            help="Compter sans rien supprimer ni effacer.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.CAMPAIGN_UNCONFIRMED_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError(f"--days doit valoir au moins 1 (reçu : {days}).")
        if days < settings.CAMPAIGN_CONFIRMATION_DAYS:
            self.stderr.write(self.style.WARNING(
                f"Attention : les liens de confirmation valent "
                f"{settings.CAMPAIGN_CONFIRMATION_DAYS} jours ; des signatures dont le lien "
                "vaut encore seront supprimées."
            ))
        retention = settings.CAMPAIGN_SIGNATURE_RETENTION_DAYS
        now = timezone.now()
        stale = stale_unconfirmed(days, now)
        expired = expired_signatures(now, retention)
        if dry_run:
            self.stdout.write(
                f"{stale.count()} signature(s) non confirmée(s) de plus de {days} jours "
                "seraient supprimée(s)."
            )
            self.stdout.write(
                f"{expired.count()} signature(s) de plus de {retention} jours, de campagnes "
                "terminées, seraient effacée(s)."
            )
            self.stdout.write("Simulation (--dry-run) : rien n'a été modifié.")
            return
        with transaction.atomic():
            deleted = stale.delete()[1].get("campaigns.Signature", 0)
            erased = erase_signatures(expired, now)
        self.stdout.write(
            f"{deleted} signature(s) non confirmée(s) de plus de {days} jours supprimée(s)."
        )
        self.stdout.write(
            f"{erased} signature(s) de plus de {retention} jours, de campagnes terminées, "
            "effacée(s) : elles restent comptées, anonymes."
        )
