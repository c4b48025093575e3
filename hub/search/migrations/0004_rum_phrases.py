"""PostgreSQL: a RUM index on the documents instead of GIN, where the server has the extension.

A GIN index does not keep where each word is, so a quoted phrase of two common words had to read
every practice holding both from TOAST to see if they are side by side (0.2–0.7 s at 100 000
practices); RUM keeps the positions in the index and answers the phrase itself (20–30 ms), and
finds single words as fast as GIN. RUM is the `rum` extension (Debian and Ubuntu: the package
postgresql-NN-rum). Where it is not installed, or this role may not create it, GIN stays and
search works the same, phrases slower; run this migration again after installing it:

    manage.py migrate search 0003 && manage.py migrate search
"""

from django.db import DatabaseError, migrations, transaction


def _rum_available(cursor) -> bool:
    cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
    return cursor.fetchone() is not None


def use_rum(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        if not _rum_available(cursor):
            return
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS rum")
        except DatabaseError:
            return  # a role that may not create extensions: GIN stays
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS search_document_rum ON search_searchdocument USING rum (document rum_tsvector_ops)"
        )
        cursor.execute("DROP INDEX IF EXISTS search_document_gin")


def use_gin(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_gin ON search_searchdocument USING gin (document)"
    )
    schema_editor.execute("DROP INDEX IF EXISTS search_document_rum")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_head_tier")]

    operations = [migrations.RunPython(use_rum, use_gin, elidable=False)]
