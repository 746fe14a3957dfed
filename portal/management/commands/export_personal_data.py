"""`manage.py export_personal_data EMAIL [--output FILE]`: everything the site holds on an
email address (right of access, GDPR article 15), as JSON grouped by app (see
portal.personal_data)."""

import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal import personal_data


class Command(BaseCommand):
    help = (
        "Exporte en JSON (UTF-8) tout ce que le site enregistre sous une adresse électronique, "
        "quelle que soit sa casse, groupé par application (droit d'accès, RGPD) : sur la "
        "sortie standard, ou dans un fichier avec --output. Ne modifie rien."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="L'adresse électronique de la personne.")
        parser.add_argument(
            "--output", "-o", metavar="FICHIER",
            help="Écrire le JSON dans ce fichier (lisible par son seul propriétaire) plutôt "
                 "que sur la sortie standard.",
        )

    def handle(self, *args, email, output=None, **options):
        try:
            email = personal_data.checked_address(email)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        found = personal_data.export(email)
        holders = personal_data.holders()
        text = personal_data.export_json(email, found)
        held = sum(len(records) for records in found.values())
        nothing = f"Aucune donnée n'est enregistrée sous l'adresse {email}."
        if not output:
            self.stdout.write(text)
            if not held:
                self.stderr.write(nothing)
            return
        write_private(output, text + "\n")
        self.stdout.write(f"Données de {email} écrites dans {output} :")
        for holder in holders:
            self.stdout.write(f"- {holder.label} : {len(found[holder.name])} enregistrement(s)")
        if not held:
            self.stdout.write(nothing)


def write_private(path, text):
    """Write `text` to `path` in UTF-8, readable and writable by its owner only."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        raise CommandError(f"Impossible d'écrire {path} : {error.strerror}.") from error
