"""Typo search over the whole register at national scale: a GiST trigram index per table, so
PostgreSQL walks the index from the nearest match outwards (`search_text <->> query`, ordered,
with the word-similarity threshold `%>` checked inside the index) and stops after the twenty best,
instead of scoring every firm that shares a trigram with the query through the GIN index of 0002,
which for common words ("ApS", "Hansen", a large town) is a large share of the country.

The signature is 64 bytes (pg_trgm's default is 12): a firm's search text (name, address,
postcode, city) has some 50-80 trigrams, which fill a 12-byte signature and make the index
unable to tell firms apart. SQLite has neither; these steps do nothing on it, as in 0002.
"""

from django.db import migrations

INDEXES = {
    "businesses_company": "company_search_trgm_nearest",
    "businesses_productionunit": "production_unit_search_trgm_nearest",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} "
            "USING gist (search_text gist_trgm_ops(siglen=64))"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES.values():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("businesses", "0003_place_search_indexes")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
