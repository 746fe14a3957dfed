"""Two indexes the benchmark (benchmarks/documents.py) showed were missing, at 10,000
documents on PostgreSQL.

- The latest documents of the folders a person reads (the library's home, the extranet's
  home): read along `documents_latest_idx` until enough are found (19 ms → 0.2 ms), not all
  sorted.
- The search, as Wagtail's database backend runs it on PostgreSQL: it matches every search
  against its index entries' `title || body` (two tsvectors, joined for each row), while the
  table has one GIN index on `title` and one on `body`: no index serves the join, so each
  search read and joined the whole table (230 ms for a word of a few documents, twice a page
  with its count). A GIN index on the expression itself lets PostgreSQL find the entries
  holding the words first (15 ms). It serves every search through that backend (the pages'
  too) and follows the rows as Wagtail writes them. Nothing to do on SQLite (the backend
  searches its own FTS5 table there).
"""

from django.db import migrations, models

SEARCH_INDEX = "wagtailsearch_indexentry_title_body_gin"


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {SEARCH_INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))")


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_public_documents_page"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["-updated_at", "-id"], name="documents_latest_idx"),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
    ]
