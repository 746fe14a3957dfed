"""The CSV/XLSX export of the admin's lists, as a spreadsheet set up in French reads it.

Wagtail's index views export the filtered rows (`list_export`); this mixin makes the files
right for the people who open them: dates in Paris time, yes/no in words, a CSV separated
by `;` with a BOM (so that a spreadsheet opens it in columns, accents intact), read from the
database in chunks, and every CSV cell safe against formulas (a name typed "=HYPERLINK(…)"
stays text; Wagtail already stores such values as text in XLSX).
"""

import csv
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.views.mixins import Echo

from directory.opendata import spreadsheet_safe

EXPORT_CHUNK = 2000


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

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = spreadsheet_safe(value)
        return value

    def stream_csv(self, queryset):
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield "\ufeff".encode()
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield self.write_csv_row(writer, self.to_row_dict(item))
