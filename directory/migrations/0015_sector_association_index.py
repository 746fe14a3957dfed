"""An index on the association-sector table by sector first: the directory's sector filter
reads a sector's associations from it (index only), instead of the whole table (Django's
own indexes are on each column alone, and its unique pair starts with the association)."""

from django.db import migrations

FORWARD = (
    "CREATE INDEX IF NOT EXISTS dir_assoc_sectors_by_sector "
    "ON directory_association_sectors (sector_id, association_id)"
)
BACKWARD = "DROP INDEX IF EXISTS dir_assoc_sectors_by_sector"


class Migration(migrations.Migration):
    dependencies = [("directory", "0014_dissolution_date_estimated")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
