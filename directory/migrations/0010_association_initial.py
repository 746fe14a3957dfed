"""The A-Z filter reads a stored initial (accents ignored: "École" is under E) through an
(initial, name) index, instead of UPPER(name) LIKE 'C%' and the PostgreSQL-only prefix index
of migration 0008, which missed accented initials and read every earlier name to sort."""

from django.db import migrations, models

from directory.search import name_initial

BATCH = 2000
PREFIX_INDEX = (
    "CREATE INDEX IF NOT EXISTS dir_assoc_name_prefix ON directory_association "
    "(UPPER(name::text) text_pattern_ops)"
)


def fill_initials(apps, schema_editor):
    Association = apps.get_model("directory", "Association")
    batch = []
    for association in Association.objects.only("pk", "name").iterator(chunk_size=BATCH):
        association.initial = name_initial(association.name)
        batch.append(association)
        if len(batch) == BATCH:
            Association.objects.bulk_update(batch, ["initial"])
            batch = []
    Association.objects.bulk_update(batch, ["initial"])


def drop_prefix_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS dir_assoc_name_prefix")


def restore_prefix_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREFIX_INDEX)


class Migration(migrations.Migration):

    dependencies = [
        ("directory", "0009_import_log_start"),
    ]

    operations = [
        migrations.AddField(
            model_name="association",
            name="initial",
            field=models.CharField(blank=True, editable=False, help_text="Première lettre du nom sans accent (« É » donne « E »), « 0 » pour un chiffre ou un signe : le filtre par initiale de l'annuaire.", max_length=1, verbose_name="initiale"),
        ),
        migrations.RunPython(fill_initials, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="association",
            index=models.Index(fields=["initial", "name"], name="dir_assoc_initial_name"),
        ),
        migrations.RunPython(drop_prefix_index, restore_prefix_index),
    ]
