"""Search documents keyed by (kind, object id): the primary key `practice` becomes `id`, a document id
(hub.search.kinds: `number << 48 | pk`, a practice's being its own primary key), without the foreign
key to practices. Rows are kept: every indexed practice keeps its document under the same number.

PostgreSQL: the column is renamed and loses its foreign key; the tsvector `document`, its GIN and RUM
indexes and the TOAST setting stay as they are, and `search_head` is renamed alike, as a bigint.
SQLite: the table is copied (Django's way of altering a column); the FTS5 tables keep their rowids.

The change log of the carried-over matches (SearchChange) goes: see docs/search.md, "State".
"""

from django.db import migrations, models

FORWARD = {
    "postgresql": [
        "ALTER TABLE search_head RENAME COLUMN practice_id TO id",
        "ALTER TABLE search_head ALTER COLUMN id TYPE bigint",
    ],
}
BACKWARD = {
    "postgresql": [
        "ALTER TABLE search_head ALTER COLUMN id TYPE integer",
        "ALTER TABLE search_head RENAME COLUMN id TO practice_id",
    ],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_change_log")]

    operations = [
        migrations.RenameField("searchdocument", "practice", "id"),
        migrations.AlterField("searchdocument", "id", models.BigIntegerField(primary_key=True, serialize=False)),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False),
        migrations.DeleteModel(name="SearchChange"),
    ]
