"""What an RNA import tells: the problems of the rows it skipped or warned about, its report
(read, created, updated…) and a progress bar for the terminal."""

import sys
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class Problem:
    line: int
    rna_id: str
    reason: str

    def __str__(self):
        who = f" ({self.rna_id})" if self.rna_id else ""
        return _("ligne %(line)s%(who)s : %(reason)s") % {
            "line": self.line, "who": who, "reason": self.reason,
        }


@dataclass
class ImportReport:
    file_name: str
    encoding: str = ""
    delimiter: str = ""
    department: str = ""
    dry_run: bool = False
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dissolved: int = 0
    removed: int = 0
    unpublished: int = 0
    filtered: int = 0
    skipped: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def lines(self):
        yield from file_report_header(self)
        yield _("Créées : %(n)s") % {"n": self.created}
        yield _("Mises à jour : %(n)s") % {"n": self.updated}
        yield _("Inchangées : %(n)s") % {"n": self.unchanged}
        yield _("Dont marquées dissoutes : %(n)s") % {"n": self.dissolved}
        if self.removed:
            yield _("Supprimées du RNA : %(n)s, dont %(unpublished)s retirées de l'annuaire") % {
                "n": self.removed, "unpublished": self.unpublished,
            }
        if self.department:
            yield _("Hors du département %(dep)s : %(n)s") % {
                "dep": self.department, "n": self.filtered,
            }
        yield _("Écartées : %(n)s") % {"n": len(self.skipped)}
        for problem in self.skipped:
            yield f"  {problem}"
        if self.warnings:
            yield _("Avertissements : %(n)s") % {"n": len(self.warnings)}
            for problem in self.warnings:
                yield f"  {problem}"

    def __str__(self):
        return "\n".join(self.lines())


def file_report_header(report):
    """The first lines of the report of a file read (RNA import, commune centres): which
    file, how it was read, whether anything was saved, how many rows."""
    yield _("Fichier : %(name)s (encodage %(encoding)s, séparateur « %(delimiter)s »)") % {
        "name": report.file_name, "encoding": report.encoding, "delimiter": report.delimiter,
    }
    if report.dry_run:
        yield _("Essai à blanc : rien n'a été enregistré.")
    yield _("Lues : %(n)s") % {"n": report.read}


def text_progress_bar(stream=sys.stderr, width=30):
    """A progress callback drawing `[#####     ]  45 %  45 000 lignes` on a terminal."""

    def draw(fraction, rows):
        done = int(fraction * width)
        stream.write(
            f"\r[{'#' * done}{' ' * (width - done)}] {fraction:4.0%}  "
            + _("%(rows)s lignes") % {"rows": f"{rows:,}".replace(",", " ")}
        )
        if fraction >= 1.0:
            stream.write("\n")
        stream.flush()

    return draw
