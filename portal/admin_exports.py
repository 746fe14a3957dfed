"""Every CSV the project writes, and the CSV/XLSX export of the admin's lists, as a
spreadsheet set up in French reads it.

Any CSV goes through `SafeDictWriter` (or `spreadsheet_safe()` for one cell): a cell that a
spreadsheet would run as a formula (it begins with =, +, -, @, a tab or a carriage return)
is written with a leading apostrophe, as OWASP advises against CSV injection, so that a name
typed "=HYPERLINK(…)" stays text.

Wagtail's index views export the filtered rows (`list_export`); this mixin makes the files
right for the people who open them: dates in Paris time, yes/no in words, a CSV separated
by `;` with a BOM (so that a spreadsheet opens it in columns, accents intact), both formats
read from the database in chunks (`EXPORT_CHUNK` rows a fetch, never the whole list in
memory), and every CSV cell safe against formulas (Wagtail already stores such values as
text in XLSX). A field shown the same way in both formats (a choice by its label) says so
with `in_both_formats()` / `choice_label()` in the view's `custom_field_preprocess`.
"""

import csv
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.mixins import Echo

from portal.databases import for_long_reads

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


def in_both_formats(function):
    """One preprocessing of a field for the CSV and the XLSX export (an entry of
    `custom_field_preprocess`)."""
    return {IndexView.FORMAT_CSV: function, IndexView.FORMAT_XLSX: function}


def choice_label(choices):
    """A choice field exported as its label (`choices`: its TextChoices)."""
    return in_both_formats(lambda value: str(choices(value).label))


class InChunks:
    """The rows of a queryset read `EXPORT_CHUNK` at a time (`iterator(chunk_size=…)`),
    with its `model` for the headings: what Wagtail's writers loop over."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.model = queryset.model

    def __iter__(self):
        # A whole table, which may lag a few seconds: from the read replica when there is one.
        return self.queryset.using(for_long_reads()).iterator(chunk_size=EXPORT_CHUNK)


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
        for item in InChunks(queryset):
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def write_xlsx(self, queryset, output):
        super().write_xlsx(InChunks(queryset), output)
