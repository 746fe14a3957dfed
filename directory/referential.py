"""Loading the packaged reference data (communes, sectors) into the database.

Used by the data migration, so a freshly migrated database knows every commune, and by
`manage.py load_referential` after the files are updated. Upserts; never deletes.
"""

import csv
import gzip
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
COMMUNES_FILE = DATA_DIR / "communes.csv.gz"
SECTORS_FILE = DATA_DIR / "rna_social_object_families.csv"
BATCH = 2000


def read_communes():
    with gzip.open(COMMUNES_FILE, "rt", encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file, delimiter=";")


def read_sectors():
    with SECTORS_FILE.open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file, delimiter=";")


def load_sectors(Sector):
    existing = {sector.code: sector for sector in Sector.objects.all()}
    created = updated = 0
    for row in read_sectors():
        sector = existing.get(row["code"])
        if sector is None:
            Sector.objects.create(code=row["code"], label=row["label"], label_en=row["label_en"])
            created += 1
        elif (sector.label, sector.label_en) != (row["label"], row["label_en"]):
            sector.label, sector.label_en = row["label"], row["label_en"]
            sector.save(update_fields=["label", "label_en"])
            updated += 1
    return created, updated


def load_communes(Commune):
    """Upsert every commune, then link the former ones to their current commune."""
    existing = {commune.code: commune for commune in Commune.objects.all()}
    to_create, to_update, parents = [], [], {}
    fields = ["name", "kind", "department", "postcodes", "population"]
    for row in read_communes():
        values = {
            "name": row["name"],
            "kind": row["kind"],
            "department": row["department"],
            "postcodes": row["postcodes"],
            "population": int(row["population"]) if row["population"] else None,
        }
        if row["parent"] and row["parent"] != row["code"]:
            parents[row["code"]] = row["parent"]
        commune = existing.get(row["code"])
        if commune is None:
            to_create.append(Commune(code=row["code"], **values))
        elif any(getattr(commune, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(commune, name, value)
            to_update.append(commune)
    Commune.objects.bulk_create(to_create, batch_size=BATCH)
    Commune.objects.bulk_update(to_update, fields, batch_size=BATCH)

    ids = dict(Commune.objects.values_list("code", "pk"))
    relinked = []
    for commune in Commune.objects.filter(code__in=list(parents)).only("pk", "code", "parent_id"):
        parent_id = ids.get(parents[commune.code])
        if parent_id and commune.parent_id != parent_id:
            commune.parent_id = parent_id
            relinked.append(commune)
    Commune.objects.bulk_update(relinked, ["parent"], batch_size=BATCH)
    return len(to_create), len(to_update)
