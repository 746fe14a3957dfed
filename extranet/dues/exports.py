"""The treasurer's export of a year's dues: the rows of the list (extranet.dues.tracking) as
a CSV file as a spreadsheet set up in French reads it (`;`, a BOM, every cell safe against
formulas: portal.admin_exports.SafeDictWriter), read from the database in chunks."""

import io

from django.utils import formats
from django.utils.translation import gettext as _

from extranet.dues import tracking
from portal.admin_exports import SafeDictWriter

CHUNK = 500


def columns():
    return {
        "association": _("Association"), "rna": _("RNA"), "year": _("Année"),
        "budget": _("Budget déclaré (€)"), "amount": _("Montant (€)"), "state": _("État"),
        "paid_on": _("Payée le"), "means": _("Moyen de paiement"),
        "reference": _("Référence"), "receipt": _("Numéro de reçu"),
    }


def _decimal(value):
    """A figure as a French spreadsheet reads it (12,50), or nothing."""
    return "" if value is None else formats.number_format(value, decimal_pos=2,
                                                          use_l10n=True)


def row(association, year):
    line = tracking.Row(association)
    return {
        "association": association.name, "rna": association.rna_id, "year": year,
        "budget": _decimal(association.budget), "amount": _decimal(association.amount),
        "state": str(line.label), "means": str(line.means_label),
        "paid_on": association.paid_on.isoformat() if association.paid_on else "",
        "reference": association.reference or "",
        "receipt": association.receipt_number or "",
    }


def csv_chunks(associations, year):
    """The CSV of the `tracked` associations of `year`, piece by piece."""
    heads = columns()
    buffer = io.StringIO()
    writer = SafeDictWriter(buffer, list(heads), delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")  # a BOM, so that spreadsheets read the accents right
    writer.writerow(heads)
    for count, association in enumerate(associations.iterator(chunk_size=CHUNK), start=1):
        writer.writerow(row(association, year))
        if count % CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
