"""Turning a row of the RNA file into what the directory holds of an association: which rows
are left out (and why, in the report), where the association is, its dates, its sectors and
the values of its fields. `RowParsing` is a part of `RnaImporter` (directory/rna_import.py)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from directory.models import Sector
from directory.rna_file import WALDEC_COLUMNS, clean_website, join, parse_date
from directory.rna_report import Problem
from directory.validators import RNA_ID, siret_is_valid

GROUPINGS = {"S": "simple", "U": "union", "F": "federation"}


def object_codes(row):
    """The codes of the association's social object (two columns, `000000` for none)."""
    return [code.strip() for code in (row["objet_social1"], row["objet_social2"])
            if code.strip() and code.strip() != "000000"]


def address_of(row):
    """The seat's address in one line: number, street, then its complement."""
    address = join(row["adrs_numvoie"], row["adrs_repetition"], row["adrs_typevoie"],
                   row["adrs_libvoie"])
    if row["adrs_complement"].strip():
        address = join(address + ",", row["adrs_complement"]) if address else join(
            row["adrs_complement"])
    return address


class RowParsing:
    """Reads what the importer needs from each row; expects `communes`,
    `commune_of_postcode`, `sectors`, `department`, `newest`, `removed` and `report`."""

    def locate(self, commune_code, postcode):
        """(commune, postcode_commune): the commune of a row's code, else the one commune of
        its postcode (then also its code)."""
        commune_code = commune_code.strip().upper()
        commune = self.communes.get(commune_code)
        postcode_commune = None
        if commune is None and commune_code:
            postcode_commune = self.commune_of_postcode.get(postcode.strip())
            commune = self.communes.get(postcode_commune)
        return commune, postcode_commune

    def department_of(self, commune_code, postcode, commune=None):
        """The department of a row: its commune's, else the start of its codes."""
        if commune is None:
            commune, _postcode_commune = self.locate(commune_code, postcode)
        return commune[3] if commune else (commune_code.strip().upper() or postcode)[:2]

    def skip(self, line, rna_id, reason):
        self.report.skipped.append(Problem(line, rna_id, reason))

    def warn(self, line, rna_id, reason):
        self.report.warnings.append(Problem(line, rna_id, reason))

    def parse(self, line, row, width):
        """(line, RNA number, values, sector codes) of a row to write, or None when the row
        is left out: skipped (the report says why), outside the department, or removed from
        the register."""
        if row is None:
            self.skip(line, "", _("%(found)s colonnes au lieu de %(expected)s")
                      % {"found": width, "expected": len(WALDEC_COLUMNS)})
            return None
        rna_id = row["id"].strip().upper()
        commune_code = row["adrs_codeinsee"].strip().upper()
        commune, postcode_commune = self.locate(commune_code, row["adrs_codepostal"])
        if not self.is_to_write(line, row, rna_id, commune_code, commune):
            return None
        if postcode_commune:
            self.warn(line, rna_id,
                      _("commune inconnue « %(code)s », rattachée à %(commune)s par son code "
                        "postal") % {"code": commune_code, "commune": postcode_commune})
        dates = self.parse_dates(line, row, rna_id)
        if dates is None:
            return None
        codes = object_codes(row)
        sector_codes = sorted({
            family for family in map(Sector.family_code, codes) if family in self.sectors
        })
        values = self.row_values(line, row, rna_id, commune, dates, codes)
        return line, rna_id, values, sector_codes

    def is_to_write(self, line, row, rna_id, commune_code, commune):
        """Whether the row goes on to be written; if not, the report says why (or counts it
        outside the department), or it is kept aside as removed from the register."""
        if self.department:
            department = self.department_of(commune_code, row["adrs_codepostal"], commune)
            if department != self.department:
                self.report.filtered += 1
                return False
        if not RNA_ID.match(rna_id):
            self.skip(line, rna_id, _("numéro RNA invalide « %(value)s »") % {"value": rna_id})
            return False
        newest_line, newest_time = self.newest.get(rna_id, (line, ""))
        if newest_line != line:
            self.skip(line, rna_id, _("doublon : la ligne %(line)s est gardée (mise à jour du RNA "
                                      "« %(time)s »)")
                      % {"line": newest_line, "time": newest_time})
            return False
        if row["position"].strip().upper() == "S":
            # Removed from the register: never created here; unpublished if we have it.
            self.removed.append(rna_id)
            return False
        if not row["titre"].strip():
            self.skip(line, rna_id, _("nom absent"))
            return False
        if commune is None:
            self.skip(line, rna_id, _("commune inconnue « %(code)s »") % {"code": commune_code})
            return False
        return True

    def parse_dates(self, line, row, rna_id):
        """(created_on, dissolved_on, dissolution date estimated), or None: the row is
        skipped for a date that cannot be read or makes no sense."""
        try:
            created_on = parse_date(row["date_creat"])
        except ValueError:
            self.skip(line, rna_id, _("date de création invalide « %(value)s »")
                      % {"value": row["date_creat"]})
            return None
        try:
            dissolved_on = parse_date(row["date_disso"])
            estimated = dissolved_on is None and row["position"].strip().upper() == "D"
            if estimated:  # dissolved, date unknown: the register's last update stands in
                dissolved_on = parse_date(row["maj_time"]) or created_on
        except ValueError:
            self.skip(line, rna_id, _("date de dissolution invalide « %(value)s »")
                      % {"value": row["date_disso"]})
            return None
        if created_on and dissolved_on and dissolved_on < created_on:
            self.skip(line, rna_id, _("dissolution antérieure à la création"))
            return None
        return created_on, dissolved_on, estimated

    def row_values(self, line, row, rna_id, commune, dates, codes):
        """The values of the association's fields that the import writes (RNA_FIELDS)."""
        created_on, dissolved_on, estimated = dates
        postcode = row["adrs_codepostal"].strip()
        pk, parent_id, kind, _dept = commune
        return {
            "name": row["titre"].strip()[:250],
            "short_name": row["titre_court"].strip()[:80],
            "siret": self.checked_siret(line, row, rna_id),
            "grouping": GROUPINGS.get(row["groupement"].strip().upper(), "simple"),
            "created_on": created_on,
            "dissolved_on": dissolved_on,
            "dissolved_on_estimated": estimated,
            "social_object": row["objet"].strip(),
            "rna_object_codes": " ".join(codes),
            "address": address_of(row)[:250],
            "postcode": postcode if len(postcode) == 5 and postcode.isdigit() else "",
            "commune_id": parent_id if kind in ("delegated", "associated") and parent_id else pk,
            "website": self.checked_website(line, row, rna_id),
        }

    def checked_siret(self, line, row, rna_id):
        """The row's SIRET, digits only; empty (with a warning) when it is not valid."""
        siret = "".join(char for char in row["siret"] if char.isdigit())
        if siret and not siret_is_valid(siret):
            self.warn(line, rna_id, _("SIRET invalide ignoré « %(value)s »") % {"value": siret})
            siret = ""
        return siret

    def checked_website(self, line, row, rna_id):
        """The row's website as an address; empty (with a warning) when it is not one."""
        try:
            return clean_website(row["siteweb"])
        except ValidationError:
            self.warn(line, rna_id, _("site web invalide ignoré « %(value)s »")
                      % {"value": row["siteweb"].strip()})
            return ""
