"""On PostgreSQL, an index for the directory's first-letter filter: Django writes
name__istartswith as UPPER(name::text) LIKE 'C%', which only an index with the
text_pattern_ops operator class can serve whatever the database collation."""

from django.db import migrations

FORWARD = (
    "CREATE INDEX IF NOT EXISTS dir_assoc_name_prefix ON directory_association "
    "(UPPER(name::text) text_pattern_ops)"
)
BACKWARD = "DROP INDEX IF EXISTS dir_assoc_name_prefix"


def run(statement):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("directory", "0007_drop_plain_upper_name_index")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
