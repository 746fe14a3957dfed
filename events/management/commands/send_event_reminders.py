from django.core.management.base import BaseCommand, CommandError

from events import registrations


class Command(BaseCommand):
    help = (
        "Email the reminder of the day before to each confirmed registration of an event "
        "starting within 24 hours. Run it every hour (cron); running it again sends nothing "
        "twice (each reminder sent is recorded with it)."
    )

    def handle(self, *args, **options):
        report = registrations.send_reminders()
        self.stdout.write(f"{report.sent} rappel(s) envoyé(s).")
        if report.failed:
            for pk, error in report.failed:
                self.stderr.write(f"Inscription {pk} : rappel non envoyé ({error}).")
            raise CommandError(
                f"{len(report.failed)} rappel(s) non envoyé(s) : ils seront retentés au "
                "prochain passage."
            )
