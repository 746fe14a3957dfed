"""Every CSV the project writes, and the CSV/XLSX export of the admin's lists, as a
spreadsheet set up in French reads it.

Any CSV goes through `SafeDictWriter` (or `spreadsheet_safe()` for one cell): a cell that a
spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return)
is written with a leading apostrophe, as OWASP advises against CSV injection, so that a name
typed "=HYPERLINK(…)" stays text.

Wagtail's index views export the filtered rows (`list_export`); this mixin makes the files
right for the people who open them: dates in Paris time, yes/no in words, a CSV separated
by `;` with a BOM (so that a spreadsheet opens it in columns, accents intact), read from the
database in chunks, and every CSV cell safe against formulas (Wagtail already stores such
values as text in XLSX).
"""

import csv
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.mixins import Echo

EXPORT_CHUNK = 2000
# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell a spreadsheet will not run as a formula: text that starts like one gets a
    leading apostrophe (shown by no spreadsheet); anything else is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SafeDictWriter(csv.DictWriter):
    """`csv.DictWriter` whose every cell is made safe by `spreadsheet_safe()`."""

    def writerow(self, rowdict):
        return super().writerow({key: spreadsheet_safe(value) for key, value in rowdict.items()})

    def writerows(self, rowdicts):
        for rowdict in rowdicts:
            self.writerow(rowdict)


def yes_no(value):
    return "" if value is None else (_("oui") if value else _("non"))


def local_text(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def local_naive(value):
    return timezone.make_naive(value)


class FrenchSpreadsheetExportMixin:
    """For a subclass of Wagtail's IndexView (or of a view built on it)."""

    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {IndexView.FORMAT_CSV: local_text,
                            IndexView.FORMAT_XLSX: local_naive},
        bool: {IndexView.FORMAT_CSV: yes_no, IndexView.FORMAT_XLSX: yes_no},
    }

    def stream_csv(self, queryset):
        writer = SafeDictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield "\ufeff".encode()
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield self.write_csv_row(writer, self.to_row_dict(item))
