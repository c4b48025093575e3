"""PostgreSQL: a RUM index for quoted phrases, beside the GIN index, where the server has RUM.

A GIN index does not keep where each word is, so a quoted phrase of two common words has to read
every practice holding both from TOAST to see if they are side by side (0.2–0.7 s at 100 000
practices). RUM keeps the positions in the index and answers the phrase itself (20–30 ms); for
words alone GIN stays faster (its lists are smaller), so both are kept. The planner would pick
GIN for everything, so the RUM index is on an expression, `document || ''::tsvector` (the same
document), which only the phrase queries use (engines.PostgresEngine).

RUM is the `rum` extension (Debian and Ubuntu: the package postgresql-NN-rum). Where it is not
installed, or this role may not create it, search works the same, phrases slower; run this
migration again after installing it: `manage.py migrate search 0003 && manage.py migrate search`.
"""

from django.db import DatabaseError, migrations, transaction

RUM_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_document_phrases ON search_searchdocument "
    "USING rum ((document || ''::tsvector) rum_tsvector_ops)"
)


def add_rum(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        except DatabaseError:
            return  # a role that may not create extensions: GIN alone
        cursor.execute(RUM_INDEX)


def drop_rum(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_phrases")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_head_tier")]

    operations = [migrations.RunPython(add_rum, drop_rum, elidable=False)]
