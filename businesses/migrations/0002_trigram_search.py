"""Typo-tolerant search at national scale on PostgreSQL: the pg_trgm extension and a GIN
trigram index on the normalised search text of companies and production units.

SQLite has neither; `businesses.search` falls back to a simpler ranking there, so these steps
do nothing on it (and the indexes are not in the models' state, which both databases share).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "businesses_company": "company_search_trgm",
    "businesses_productionunit": "production_unit_search_trgm",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES.values():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("businesses", "0001_register")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
