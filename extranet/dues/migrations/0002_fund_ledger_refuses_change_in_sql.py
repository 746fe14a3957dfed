"""On PostgreSQL, the database itself refuses to change or delete an entry of the solidarity
fund's ledger: a trigger raises on every UPDATE and DELETE of its table (TRUNCATE, which only
the database's owner runs, e.g. to empty a test database, stays possible)."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION dues_fund_ledger_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the solidarity fund ledger is append-only: entry % cannot be changed nor deleted', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER dues_fundentry_append_only
    BEFORE UPDATE OR DELETE ON dues_fundentry
    FOR EACH ROW EXECUTE FUNCTION dues_fund_ledger_is_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS dues_fundentry_append_only ON dues_fundentry;
DROP FUNCTION IF EXISTS dues_fund_ledger_is_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):

    dependencies = [("dues", "0001_scale_dues_fund_public_page")]

    operations = [migrations.RunPython(create, drop)]
