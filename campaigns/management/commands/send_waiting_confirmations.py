"""`manage.py send_waiting_confirmations`: send the confirmation emails of the signatures that
still wait for theirs (campaigns.confirmations). The background task does it after each burst
of signatures; this command is the safety net, meant for cron (every hour, e.g.
`5 * * * * … manage.py send_waiting_confirmations`): running it when nothing waits sends
nothing."""

from django.core.management.base import BaseCommand, CommandError

from campaigns import confirmations


class Command(BaseCommand):
    help = ("Envoie les courriels de confirmation des signatures qui attendent encore le "
            "leur (filet de sécurité de la tâche de fond ; à lancer chaque heure, cron).")

    def handle(self, *args, **options):
        try:
            sent = confirmations.send_waiting()
        except Exception as error:
            raise CommandError(f"Le serveur de courrier a échoué : {error}") from error
        self.stdout.write(f"{sent} courriel(s) de confirmation envoyé(s).")
