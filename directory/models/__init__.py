"""Associations, their sectors and communes: the one record of each association, with the
changes proposed to it, the log of the RNA imports, and the directory's pages.

`Association` is what the whole platform points at (membership, votes, impact reports, mutual
aid): one row per association, whatever the language. Its French texts have an English
version in `*_en` fields rather than a translated copy of the row, so that nothing ever has
to choose between two records of the same association.

The models live in modules named for what they hold: reference.py (sectors, communes),
associations.py, change_requests.py, imports.py (the RNA imports' log) and pages.py
(directory, observatory, members); they are all importable from here.

The pages hand their routes to the app's page_views.py: what it imports reaches these models
through their own modules (`from directory.models.associations import ...`), as this package
is not yet complete while the pages load.
"""

from directory.models.associations import (
    POSTCODE,
    RESERVED_SLUGS,
    Association,
    AssociationQuerySet,
)
from directory.models.change_requests import (
    AssociationChangeRequest,
    serialize_value,
    validate_logo_size,
)
from directory.models.imports import RnaImport
from directory.models.pages import DirectoryPage, MembersPage, ObservatoryPage
from directory.models.reference import INSEE_CODE, Commune, Sector

__all__ = [
    "INSEE_CODE",
    "POSTCODE",
    "RESERVED_SLUGS",
    "Association",
    "AssociationChangeRequest",
    "AssociationQuerySet",
    "Commune",
    "DirectoryPage",
    "MembersPage",
    "ObservatoryPage",
    "RnaImport",
    "Sector",
    "serialize_value",
    "validate_logo_size",
]
