from django.core.management.base import BaseCommand, CommandError

from portal.editorial import MissingRootPage
from portal.site_setup import setup_site


class Command(BaseCommand):
    help = (
        "After each deploy: creates the content languages, points the default site at "
        "BASE_URL, and sets up the editors' and coordinators' groups and the 'Relecture' "
        "review workflow. Idempotent."
    )

    def handle(self, *args, **options):
        try:
            locales, site, roles = setup_site()
        except MissingRootPage as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            "Languages: " + ", ".join(locale.language_code for locale in locales) + "."
        )
        if site is not None:
            self.stdout.write(f"Default site: {site.hostname}:{site.port}.")
        self.stdout.write(
            self.style.SUCCESS(
                f"Groups '{roles.editors.name}' and '{roles.coordinators.name}' are ready; "
                f"every page goes through the '{roles.workflow.name}' workflow."
            )
        )
