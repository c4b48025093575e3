"""What serving pages fast needs from the rest of the code: "a page anonymous readers see changed",
and database statistics that keep query plans from depending on luck."""

import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

# Bumped, once the change is committed, by every write that changes what anonymous readers see
# without changing the listings (a rating's average, a published comment, a commenter's name).
# The anonymous page cache keys on it beside the listing version and the places version.
PAGES_VERSION_KEY = "pages:version"

# Rows SQLite samples per index for its statistics: ANALYZE stays a fraction of a second on
# 100 000 practices and the planner still learns which index is selective (sqlite.org/lang_analyze.html).
SQLITE_ANALYSIS_LIMIT = 1000


def pages_changed() -> None:
    transaction.on_commit(lambda: cache.set(PAGES_VERSION_KEY, time.time_ns(), None))


def database_optimize(*, using: str = DEFAULT_DB_ALIAS) -> str:
    """Statistics for the query planner: SQLite has none until ANALYZE runs (nothing runs it for it);
    PostgreSQL's autovacuum keeps its own, and an explicit ANALYZE after a bulk load catches up at once.
    Says what it ran."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA optimize")
            return f"ANALYZE (analysis_limit={SQLITE_ANALYSIS_LIMIT}); PRAGMA optimize"
        cursor.execute("ANALYZE")
        return "ANALYZE"


def database_optimize_after_migrate(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    # PostgreSQL: autovacuum analyses new tables on its own; SQLite would never do it.
    if connections[using].vendor == "sqlite":
        database_optimize(using=using)
