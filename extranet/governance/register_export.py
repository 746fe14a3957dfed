"""The decision register as a CSV file, as a spreadsheet set up in French reads it (`;`, a
BOM, every cell safe against formulas: portal.admin_exports.SafeDictWriter), read from the
database in chunks."""

import io

from django.utils.translation import gettext as _

from portal.admin_exports import SafeDictWriter, yes_no

CHUNK = 500


def columns():
    return {
        "number": _("Numéro"), "decided_on": _("Décidée le"), "body": _("Instance"),
        "title": _("Intitulé"), "outcome": _("Résultat"), "electorate": _("Appelées à voter"),
        "present": _("Présentes ou représentées"), "for": _("Pour"), "against": _("Contre"),
        "abstentions": _("Abstentions"), "quorum_met": _("Quorum atteint"),
        "public": _("Publique"), "supersedes": _("Remplace"),
        "superseded_by": _("Remplacée par"), "text": _("Texte"), "hash": _("Empreinte"),
        "previous_hash": _("Empreinte précédente"),
    }


def _number(value):
    return "" if value is None else value


def row(decision):
    superseded_by = getattr(decision, "superseded_by", None)
    return {
        "number": decision.number, "decided_on": decision.decided_on.isoformat(),
        "body": decision.body.name, "title": decision.title,
        "outcome": decision.get_outcome_display(),
        "electorate": _number(decision.electorate),
        "present": _number(decision.counted_present), "for": _number(decision.votes_for),
        "against": _number(decision.votes_against),
        "abstentions": _number(decision.abstentions),
        "quorum_met": yes_no(decision.quorum_met), "public": yes_no(decision.is_public),
        "supersedes": decision.supersedes.number if decision.supersedes_id else "",
        "superseded_by": superseded_by.number if superseded_by else "",
        "text": decision.text, "hash": decision.hash,
        "previous_hash": decision.previous.hash if decision.previous_id else "",
    }


def csv_chunks(decisions):
    """The CSV of `decisions` (a queryset, its links read with it), piece by piece."""
    heads = columns()
    buffer = io.StringIO()
    writer = SafeDictWriter(buffer, list(heads), delimiter=";", lineterminator="\r\n")
    buffer.write("\ufeff")  # a BOM, so that spreadsheets read the accents right
    writer.writerow(heads)
    for count, decision in enumerate(decisions.iterator(chunk_size=CHUNK), start=1):
        writer.writerow(row(decision))
        if count % CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
