"""On PostgreSQL, the database itself refuses to change or delete a written decision: a
trigger raises on every UPDATE and DELETE of the register's table (TRUNCATE, which only the
database's owner runs, e.g. to empty a test database, stays possible)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION governance_register_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the decision register is append-only: decision % cannot be changed nor deleted', OLD.number
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER governance_decision_append_only
    BEFORE UPDATE OR DELETE ON governance_decision
    FOR EACH ROW EXECUTE FUNCTION governance_register_is_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS governance_decision_append_only ON governance_decision;
DROP FUNCTION IF EXISTS governance_register_is_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):

    dependencies = [("governance", "0001_bodies_meetings_ballots_register")]

    operations = [migrations.RunPython(create, drop)]
