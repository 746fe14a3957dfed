"""`manage.py close_ballots`: count the online ballots whose window is over (run it every few
minutes, as the other scheduled commands: docs/deployment.md)."""

from django.core.management.base import BaseCommand

from extranet.governance import voting


class Command(BaseCommand):
    help = "Dépouille les votes en ligne dont la période est finie et inscrit leurs décisions."

    def handle(self, *args, **options):
        closed = voting.close_due_ballots()
        for ballot in closed:
            self.stdout.write(f"{ballot.proposal}: {ballot.get_outcome_display()}")
        self.stdout.write(f"{len(closed)} vote(s) dépouillé(s).")
