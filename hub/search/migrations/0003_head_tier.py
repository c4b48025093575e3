"""The title and summary indexed on their own as well: the head tier of results (engines.Tier).

SQLite: a second FTS5 table, `search_head`, with the same rowids as `search_fts`. PostgreSQL: a
table `search_head` of tsvectors beside `search_searchdocument`; and `document` and `pairs` move
out of the rows of search_searchdocument into TOAST (toast_tuple_target), so that collecting the
ids of 80 000 matches reads 900 pages of rows instead of 8 000. Documents already indexed get
their head from what is indexed; `manage.py rebuild_search_index` rewrites every row.
"""

from django.db import migrations

FORWARD = {
    "sqlite": [
        """CREATE VIRTUAL TABLE search_head USING fts5(
            title, summary, tokenize = 'unicode61 remove_diacritics 2'
        )""",
        "INSERT INTO search_head (rowid, title, summary) SELECT rowid, title, summary FROM search_fts",
    ],
    "postgresql": [
        # No foreign key, like SQLite's FTS5 tables: the engine deletes both rows, and a database flush
        # (the tests') can empty search_searchdocument without knowing of this table.
        "CREATE TABLE search_head (practice_id integer PRIMARY KEY, head tsvector NOT NULL)",
        "INSERT INTO search_head (practice_id, head) SELECT practice_id, ts_filter(document, '{a,b}') "
        "FROM search_searchdocument",
        "CREATE INDEX search_head_gin ON search_head USING gin (head)",
        "ALTER TABLE search_searchdocument SET (toast_tuple_target = 128)",
    ],
}
BACKWARD = {
    "sqlite": ["DROP TABLE IF EXISTS search_head"],
    "postgresql": [
        "DROP TABLE IF EXISTS search_head",
        "ALTER TABLE search_searchdocument RESET (toast_tuple_target)",
    ],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_engine_tables")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD), elidable=False)]
