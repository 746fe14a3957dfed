"""`manage.py verify_decisions`: check the decision register's hash chain."""

from django.core.management.base import BaseCommand, CommandError

from extranet.governance import register

REASONS = {
    "hash": "son contenu ne correspond plus à son empreinte (modifiée après inscription)",
    "link": "elle ne suit pas la décision inscrite avant elle (une décision a été retirée "
            "ou insérée)",
}


class Command(BaseCommand):
    help = ("Vérifie que chaque décision du registre est telle qu'inscrite et suit la "
            "précédente ; nomme le premier maillon rompu et sort en erreur s'il y en a un.")

    def handle(self, *args, **options):
        broken, checked = register.verify()
        if broken is not None:
            raise CommandError(
                f"Maillon rompu à la décision {broken.number} : {REASONS[broken.reason]}. "
                f"Les {checked} décision(s) inscrite(s) avant elle sont intactes."
            )
        self.stdout.write(
            f"Le registre des décisions est intact : {checked} décision(s) vérifiée(s)."
        )
