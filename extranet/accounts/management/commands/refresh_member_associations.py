"""Mark as members of the collective the associations somebody currently acts for (and only
those): memberships start and end by date, so run it every day (cron, systemd timer)."""

from django.core.management.base import BaseCommand

from extranet.accounts.services import refresh_member_associations


class Command(BaseCommand):
    help = ("Met à jour « membre du collectif » des associations d'après les adhésions en "
            "cours (à lancer chaque jour).")

    def handle(self, *args, **options):
        changed = refresh_member_associations()
        self.stdout.write(f"{changed} association(s) mise(s) à jour.")
