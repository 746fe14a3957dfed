from django.core.management.base import BaseCommand, CommandError

from portal.editorial import MissingRootPage, setup_editorial_roles


class Command(BaseCommand):
    help = (
        "Creates (or repairs) the editors' and coordinators' groups and the 'Relecture' "
        "review workflow. Safe to run after every deploy."
    )

    def handle(self, *args, **options):
        try:
            roles = setup_editorial_roles()
        except MissingRootPage as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Groups '{roles.editors.name}' and '{roles.coordinators.name}' are ready; "
                f"every page goes through the '{roles.workflow.name}' workflow."
            )
        )
