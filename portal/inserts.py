"""Writing a new row with one INSERT prepared once per model, for the few paths where the ORM's
own work is the cost: a petition's signature, in a burst (about a tenth of the CPU of the
signing POST, measured in one process, went into building the same INSERT again each time).

`insert(instance)` writes what `instance.save()` would for a new instance: the same columns
and values (each field's `pre_save()` and `get_db_prep_save()`, so defaults, `auto_now` and
conversions apply), the primary key read back with RETURNING. Like `bulk_create()`, it sends no
`pre_save`/`post_save` signal; models whose fields need more than a plain `%s` placeholder or
a database default go through `save()`. Integrity errors are the database's, as with `save()`.
"""

from django.db import connections, router

_statements = {}  # (model, database alias): (fields written, INSERT statement)


def insert(instance, using=None):
    """Write `instance` (a new, unsaved model instance) and return it, saved."""
    model = type(instance)
    using = using or router.db_for_write(model, instance=instance)
    connection = connections[using]
    statement = _statements.get((model, using))
    if statement is None:
        statement = _statements.setdefault((model, using), _statement(model, connection))
    if not statement:
        instance.save(force_insert=True, using=using)
        return instance
    fields, sql = statement
    params = [field.get_db_prep_save(field.pre_save(instance, True), connection)
              for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = using
    return instance


def _statement(model, connection):
    """(fields, SQL) of the model's INSERT, or None when it needs the ORM's save()."""
    meta = model._meta
    returning = [field for field in meta.local_concrete_fields if field.db_returning]
    fields = [field for field in meta.local_concrete_fields if not field.db_returning]
    if (
        meta.parents or returning != [meta.pk]
        or not connection.features.can_return_columns_from_insert
        or any(field.has_db_default() or field.generated or hasattr(field, "get_placeholder")
               for field in fields)
    ):
        return None
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Only the model's own quoted names go into the text; the values are parameters.
    sql = (f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders}) "  # noqa: S608
           f"RETURNING {quote(meta.pk.column)}")
    return fields, sql
