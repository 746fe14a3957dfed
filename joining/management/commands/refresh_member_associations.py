"""Mark as members of the collective the associations with a current adhesion or somebody
acting for them, and only those (joining.member_associations): adhesions and memberships
start and end by date, so run it every day (cron, systemd timer). First, the adhesion of an
association found dissolved (the RNA import sets `dissolved_on`) ends on its dissolution day,
with its people's memberships (joining.leaving)."""

from django.core.management.base import BaseCommand

from joining.leaving import end_dissolved_adhesions
from joining.member_associations import refresh_member_associations


class Command(BaseCommand):
    help = ("Met à jour « membre du collectif » des associations d'après les adhésions en "
            "cours (à lancer chaque jour).")

    def handle(self, *args, **options):
        ended = end_dissolved_adhesions()
        self.stdout.write(f"{ended} adhésion(s) d'association(s) dissoute(s) terminée(s).")
        changed = refresh_member_associations()
        self.stdout.write(f"{changed} association(s) mise(s) à jour.")
