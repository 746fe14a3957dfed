"""Builds directory/data/communes.csv.gz from the `communes.json` of the npm package
`@etalab/decoupage-administratif` (see directory/data/README.md)."""

import csv
import gzip
import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.referential import COMMUNES_FILE

KINDS = {
    "commune-actuelle": "commune",
    "arrondissement-municipal": "arrondissement",
    "commune-deleguee": "delegated",
    "commune-associee": "associated",
}


class Command(BaseCommand):
    help = "Builds the packaged communes file from @etalab/decoupage-administratif's communes.json."

    def add_arguments(self, parser):
        parser.add_argument("communes_json", type=Path)
        parser.add_argument("--output", type=Path, default=COMMUNES_FILE)

    def handle(self, communes_json, output, **options):
        try:
            records = json.loads(communes_json.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {communes_json}: {error}") from error
        current = {
            record["code"] for record in records
            if record["type"] in ("commune-actuelle", "arrondissement-municipal")
        }
        rows = []
        for record in records:
            kind = KINDS.get(record["type"])
            if kind is None or (kind in ("delegated", "associated") and record["code"] in current):
                continue
            rows.append([
                record["code"],
                record["nom"],
                kind,
                record.get("departement", ""),
                " ".join(record.get("codesPostaux", [])),
                record.get("population", ""),
                record.get("chefLieu") or record.get("commune") or "",
            ])
        rows.sort()
        # mtime=0: the same input gives the same bytes, so git sees only real changes.
        with gzip.GzipFile(output, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(
            raw, encoding="utf-8", newline=""
        ) as file:
            writer = csv.writer(file, delimiter=";")
            writer.writerow(["code", "name", "kind", "department", "postcodes", "population",
                             "parent"])
            writer.writerows(rows)
        self.stdout.write(self.style.SUCCESS(f"{len(rows)} communes written to {output}."))
