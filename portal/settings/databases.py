"""How base.py describes a database from its URL: the primary, and a read replica when there
is one.

- DATABASE_URL: SQLite in var/ by default, or PostgreSQL (postgres://user:password@host:port/
  name?sslmode=verify-full&sslrootcert=/etc/ssl/…: a managed service's TLS options go in the
  query string, which Django passes on to psycopg).
- DATABASE_REPLICA_URL: a read replica of the same PostgreSQL (a managed service's
  "read-only endpoint"), the alias "replica". Only the long reads that may lag a few seconds
  go there (portal.databases: the backups, the admins' spreadsheet exports); everything else
  reads and writes the primary, and sees what was just done.
- DATABASE_DISABLE_SERVER_SIDE_CURSORS: true behind a pooler in transaction mode (PgBouncer),
  which cannot keep the cursors that the exports read in chunks.
"""

import environ

env = environ.Env()


def database(url_variable, default=None):
    """The settings of the database at the URL in `url_variable`, with the connection options
    of the project (the same for the primary and the replica)."""
    settings = env.db_url(url_variable, default=default)
    settings["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
    settings["CONN_HEALTH_CHECKS"] = True
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        settings.setdefault("OPTIONS", {}).update({
            # Writers wait for each other instead of failing with "database is locked".
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        })
    elif settings["ENGINE"] == "django.db.backends.postgresql":
        # Session settings sent when connecting. PostgreSQL's default random_page_cost (4)
        # assumes spinning disks: on SSDs or a cached database it makes the planner scan a
        # whole table instead of using an index (the directory search over 100,000
        # associations: 62 ms with the default, 11 ms with 1.1). Set POSTGRES_OPTIONS="" behind
        # a pooler that refuses startup options (PgBouncer without ignore_startup_parameters).
        options = env("POSTGRES_OPTIONS", default="-c random_page_cost=1.1")
        if options:
            settings.setdefault("OPTIONS", {})["options"] = options
        settings["DISABLE_SERVER_SIDE_CURSORS"] = env.bool(
            "DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=False)
    return settings
