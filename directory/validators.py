"""Validators for the identifiers of French associations."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RNA_ID = re.compile(r"^W\d{9}$")


def validate_rna_id(value):
    """The RNA number: W followed by nine digits (W771234567)."""
    if not RNA_ID.match(value or ""):
        raise ValidationError(
            _("Un numéro RNA s'écrit W suivi de neuf chiffres, par exemple W771234567."),
            code="invalid_rna_id",
        )


def luhn_is_valid(digits):
    total = 0
    for index, char in enumerate(reversed(digits)):
        number = int(char)
        if index % 2 == 1:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


# La Poste's establishments share one SIREN and do not follow the Luhn key.
LA_POSTE_SIREN = "356000000"


def siret_is_valid(value):
    if not value or len(value) != 14 or not value.isdigit():
        return False
    if value.startswith(LA_POSTE_SIREN):
        return sum(int(char) for char in value) % 5 == 0
    return luhn_is_valid(value)


def validate_siret(value):
    """The SIRET: fourteen digits whose Luhn key is right."""
    if not siret_is_valid(value):
        raise ValidationError(
            _("Un numéro SIRET compte quatorze chiffres et sa clé doit être juste : "
              "vérifiez-le sur l'avis de situation SIRENE."),
            code="invalid_siret",
        )


def validate_position(latitude, longitude):
    """A position on the map: both coordinates or none, and in France (overseas included)."""
    if (latitude is None) != (longitude is None):
        raise ValidationError(
            {"longitude": _("Indiquez la latitude et la longitude, ou aucune des deux.")},
            code="half_position",
        )
    if latitude is not None and not -25 <= latitude <= 52:
        raise ValidationError({"latitude": _("Cette latitude n'est pas en France.")},
                              code="position_outside_france")
