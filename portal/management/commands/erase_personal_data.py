"""`manage.py erase_personal_data EMAIL [--yes]`: erase an email address everywhere (right to
erasure, GDPR article 17), all or nothing, and say what was done app by app (see
portal.personal_data). Signatures and registrations are kept, anonymous, so that the counts
stay right; a user account is closed (deactivated and anonymised: what others need, such as
memberships, their history and the news it wrote, stays, anonymous). The public page
/donnees-personnelles/ does the same once the person confirms by email. Running it again
erases nothing more."""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal import personal_data

YES = {"oui", "o", "yes", "y"}


class Command(BaseCommand):
    help = (
        "Efface une adresse électronique partout (droit à l'effacement, RGPD) : les "
        "signatures et les inscriptions restent comptées, anonymes ; les comptes utilisateurs "
        "sont fermés et anonymisés (ce dont les autres ont besoin reste, anonyme). Demande "
        "confirmation, sauf avec --yes. Tout ou rien ; la relancer n'efface rien de plus."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("email", help="L'adresse électronique à effacer.")
        parser.add_argument("--yes", action="store_true",
                            help="Effacer sans demander de confirmation (pour un script).")

    def handle(self, *args, email, yes=False, **options):
        self.stdin = options.get("stdin") or sys.stdin
        try:
            email = personal_data.checked_address(email)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        holders = personal_data.holders()
        found = personal_data.export(email)
        notices = personal_data.notices(email)
        erasable = sum(len(found[holder.name]) for holder in holders if holder.erase)
        if not erasable:
            self.stdout.write(f"Rien à effacer sous l'adresse {email}.")
            self.write_notices(notices)
            return
        if not yes and not self.confirmed(email, holders, found):
            self.stdout.write("Effacement abandonné : rien n'a été modifié.")
            return
        erased = personal_data.erase(email)
        self.stdout.write(f"Données de {email} effacées :")
        for holder in holders:
            count = erased[holder.name]
            if count is None:
                done = "non effacé par cette commande"
            elif count:
                done = f"{count} enregistrement(s) effacé(s)"
            else:
                done = "rien à effacer"
            self.stdout.write(f"- {holder.label} : {done}.")
        self.write_notices(notices)
        self.stdout.write(self.style.SUCCESS(
            "Les signatures et les inscriptions effacées restent comptées, anonymes ; un compte "
            "fermé reste, anonyme, là où d'autres en ont besoin."
        ))

    def confirmed(self, email, holders, found):
        if not self.stdin.isatty():
            raise CommandError(
                "Sans --yes, la commande demande confirmation, ce qu'elle ne peut pas faire "
                "ici (pas de terminal) : rien n'a été effacé. Relancez-la avec --yes."
            )
        self.stdout.write(f"Enregistré sous l'adresse {email} :")
        for holder in holders:
            self.stdout.write(f"- {holder.label} : {len(found[holder.name])} enregistrement(s)")
        self.stdout.write("Effacer ces données ? C'est définitif. Tapez « oui » pour "
                          "confirmer : ", ending="")
        self.stdout.flush()
        return self.stdin.readline().strip().lower() in YES

    def write_notices(self, notices):
        for text in notices.values():
            self.stdout.write(self.style.WARNING(f"À faire : {text}"))
