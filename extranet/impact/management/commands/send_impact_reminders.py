"""Remind the member associations whose report of the open year is not in (missing, a draft,
or sent back), at most every IMPACT_REMINDER_DAYS days each (extranet/impact/reminders.py).
Run it daily or weekly by cron (docs/deployment.md). The emails are sent here, synchronously,
over one SMTP connection, rather than queued: the command runs outside any request."""

from django.conf import settings
from django.core.management.base import BaseCommand

from extranet.impact import reminders


class Command(BaseCommand):
    help = (
        "Relance les associations membres dont le rapport d'impact de l'année ouverte n'est "
        "pas soumis (au plus une fois tous les IMPACT_REMINDER_DAYS jours)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true",
                            help="Liste les associations à relancer sans rien envoyer.")

    def handle(self, *args, dry_run=False, **options):
        outcome = reminders.send(dry_run=dry_run)
        for association, people in outcome.reminded:
            self.stdout.write(f"- {association.name} : {people} personne(s)")
        for association, _people in outcome.nobody:
            self.stdout.write(f"- {association.name} : personne à qui écrire, non relancée")
        verb = "à relancer (essai, rien n'est envoyé)" if dry_run else "relancée(s)"
        self.stdout.write(
            f"Rapport {outcome.year} : {len(outcome.reminded)} association(s) {verb} ; "
            f"pas de nouvelle relance avant {settings.IMPACT_REMINDER_DAYS} jours."
        )
