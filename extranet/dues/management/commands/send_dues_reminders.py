"""Remind the member associations whose dues of the year are undeclared or unpaid, at most
every DUES_REMINDER_DAYS days each, from DUES_CALL_DATE of the year on
(extranet/dues/reminders.py). Run it daily or weekly by cron (docs/dues.md). The emails are
sent here, synchronously, over one SMTP connection, rather than queued: the command runs
outside any request."""

from django.conf import settings
from django.core.management.base import BaseCommand

from extranet.dues import reminders, services


class Command(BaseCommand):
    help = (
        "Relance les associations membres dont la cotisation de l'année n'est pas déclarée "
        "ou pas payée (au plus une fois tous les DUES_REMINDER_DAYS jours)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Liste les associations à relancer sans rien envoyer.")
        parser.add_argument("--year", type=int,
                            help="L'année des cotisations (par défaut, l'année en cours).")

    def handle(self, *args, dry_run=False, year=None, **options):
        outcome = reminders.send(year=year, dry_run=dry_run)
        if outcome.too_early:
            self.stdout.write(
                f"Cotisations {outcome.year} : pas de relance avant le "
                f"{services.call_date(outcome.year):%d/%m/%Y} (DUES_CALL_DATE).")
            return
        for association, people in outcome.reminded:
            self.stdout.write(f"- {association.name} : {people} personne(s)")
        for association, _people in outcome.nobody:
            self.stdout.write(f"- {association.name} : personne à qui écrire, non relancée")
        verb = "à relancer (essai, rien n'est envoyé)" if dry_run else "relancée(s)"
        self.stdout.write(
            f"Cotisations {outcome.year} : {len(outcome.reminded)} association(s) {verb} ; "
            f"pas de nouvelle relance avant {settings.DUES_REMINDER_DAYS} jours."
        )
