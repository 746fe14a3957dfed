from django.core.management.base import BaseCommand

from extranet.news import notifications


class Command(BaseCommand):
    help = (
        "Send the weekly digest of the extranet's news to those who chose it: the posts of "
        "the last two weeks each person has not received yet. Run it once a week (cron, "
        "Monday morning); running it again sends nothing twice."
    )

    def handle(self, *args, **options):
        report = notifications.send_digest()
        self.stdout.write(
            f"{report.candidates} actualité(s) sur la période ; {report.people} résumé(s) "
            f"envoyé(s), {report.posts} actualité(s) en tout."
        )
