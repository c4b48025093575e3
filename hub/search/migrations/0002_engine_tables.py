"""The engine's own structures, created only on the database they belong to."""

from django.db import migrations

SQLITE_FORWARD = [
    # Terms arrive already folded and stemmed (hub/search/analysis.py); unicode61 with
    # remove_diacritics 2 only has to split them on the spaces.
    """CREATE VIRTUAL TABLE search_fts USING fts5(
        title, summary, body, context, tokenize = 'unicode61 remove_diacritics 2'
    )""",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]

POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE search_searchdocument ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX search_document_gin ON search_searchdocument USING gin (document)",
    "CREATE INDEX search_term_word_trgm ON search_searchterm USING gin (word gin_trgm_ops)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_term_word_trgm",
    "DROP INDEX IF EXISTS search_document_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS document",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
            elidable=False,
        ),
    ]
