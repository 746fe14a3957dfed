"""Load the packaged communes and sectors, so a freshly migrated database knows them."""

from django.db import migrations

from directory import referential


def load(apps, schema_editor):
    referential.load_sectors(apps.get_model("directory", "Sector"))
    referential.load_communes(apps.get_model("directory", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
