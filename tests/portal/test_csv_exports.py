"""Every CSV the project writes is safe against formulas (CSV injection, as OWASP describes
it), through the one writer of portal.admin_exports."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import get_resolver
from wagtail.admin.viewsets import viewsets

from portal.admin_exports import FrenchSpreadsheetExportMixin, SafeDictWriter, spreadsheet_safe
from tests.factories import AssociationFactory, UserFactory

# Files that write CSV without the shared writer, and why: a fake RNA file made to look
# exactly as the State publishes it (the import's input), and the communes' data file read
# back by the migrations, built from Etalab's referential (not opened in a spreadsheet).
NOT_SPREADSHEETS = {"demo/volumes/directory.py",
                    "directory/management/commands/build_communes_file.py"}


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_starts_like_a_formula_is_written_as_text(start):
    assert spreadsheet_safe(f"{start}HYPERLINK(\"http://evil.example\")") == (
        f"'{start}HYPERLINK(\"http://evil.example\")"
    )


@pytest.mark.parametrize("value", ["Camille", "77500", "a=b", "", 42, -1, None, 1.5])
def test_other_cells_are_left_as_they_are(value):
    assert spreadsheet_safe(value) == value


def test_the_shared_writer_makes_each_cell_of_each_row_safe():
    buffer = io.StringIO()
    writer = SafeDictWriter(buffer, ["name", "note"], delimiter=";", lineterminator="\n")
    writer.writerow({"name": "=1+1", "note": "ok"})
    writer.writerows([{"name": "@SUM(A1)", "note": "-2"}])

    assert buffer.getvalue() == "'=1+1;ok\n'@SUM(A1);'-2\n"


def test_no_module_writes_csv_without_the_shared_writer():
    root = Path(settings.BASE_DIR)
    offenders = []
    for path in root.rglob("*.py"):
        relative = path.relative_to(root).as_posix()
        if relative.startswith((".venv/", "tests/", "var/", "node_modules/")) or (
            relative in NOT_SPREADSHEETS or relative == "portal/admin_exports.py"
        ):
            continue
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []


def admin_viewsets_with_exports():
    assert get_resolver().url_patterns  # loading the admin's URLs registers its viewsets
    exports = []
    for viewset in viewsets.viewsets:
        index_view = getattr(viewset, "index_view_class", None)
        fields = getattr(viewset, "list_export", None)  # a sentinel when not set
        fields = fields if isinstance(fields, list | tuple) else []
        if index_view is not None and (fields or getattr(index_view, "list_export", None)):
            exports.append(viewset)
    return exports


def test_every_export_of_the_admin_goes_through_the_shared_writer():
    exports = admin_viewsets_with_exports()

    assert {viewset.model._meta.label for viewset in exports} >= {
        "directory.Association", "events.Registration", "campaigns.Signature",
    }
    for viewset in exports:
        assert issubclass(viewset.index_view_class, FrenchSpreadsheetExportMixin), viewset


@pytest.mark.django_db
def test_the_associations_export_of_the_admin_is_safe_against_formulas(client):
    AssociationFactory(name='=HYPERLINK("http://evil.example","clic")', phone="+33 1 60 00 00 00")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get("/admin/snippets/directory/association/?export=csv")

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][0] == '\'=HYPERLINK("http://evil.example","clic")'
    assert "'+33 1 60 00 00 00" in rows[1]
