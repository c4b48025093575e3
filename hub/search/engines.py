"""The two engines behind one interface, chosen by the database in use.

Both receive the same terms (analysis.py) and the same parsed query (query.py); each stores
and matches them with its own full-text machinery. Neither ranks: both hand over the figures stored
with each document (statistics_of), which ranking.py ranks the same way for both.
"""

import numpy as np
from django.db import connection, transaction

from hub.search import query as q
from hub.search.documents import FIELDS, IndexedDocument

MAX_POSITIONS_PER_TERM = 255  # PostgreSQL keeps at most 256 positions of one lexeme
MAX_POSITION = 16383  # and none beyond this
FIELD_GAP = 8  # so that a phrase never runs from the end of one field into the next
HEAD_FIELDS = FIELDS[:2]  # title and summary: the head tier (ranking.Tier)


def _id_array(joined: str | None) -> np.ndarray:
    """Ids as one comma-separated string: 80 000 rows cost one row, not 80 000 Python tuples."""
    if not joined:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(joined, dtype=np.int64, sep=",")


def _packed_id_array(packed: bytes | None) -> np.ndarray:
    """Ids as one bytea of 8-byte integers (PostgreSQL's int8send): nothing to write out, send and parse."""
    return np.frombuffer(packed or b"", dtype=">i8").astype(np.int64)


def _joined(among) -> str:
    """Ids as one string: psycopg would adapt a list of thousands of ints one by one, in Python."""
    return ",".join(map(str, among.tolist()))


def _json_ids(among) -> str:
    return f"[{_joined(among)}]"


def _array_literal(among) -> str:
    """PostgreSQL's literal of a bigint[]."""
    return f"{{{_joined(among)}}}"


class SqliteEngine:
    name = "SQLite FTS5"
    # The range is handed to FTS5, which seeks to it; the list is not (`+rowid`): given a list of ids,
    # FTS5 runs the whole query once per id.
    AMONG = " AND rowid BETWEEN %s AND %s AND +rowid IN (SELECT value FROM json_each(%s))"
    OF_KIND = " AND rowid BETWEEN %s AND %s"  # a kind's documents are a range of rowids

    @staticmethod
    def rows(documents: list[IndexedDocument]) -> list[tuple]:
        """What write_rows stores for these documents: computed apart, so that workers can do it."""
        return [
            (d.document_id, " ".join(d.pairs), d.length, d.statistics, *(" ".join(d.fields[name]) for name in FIELDS))
            for d in documents
        ]

    def write(self, cursor, documents: list[IndexedDocument]) -> None:
        """Store the documents (whose old versions were deleted first)."""
        self.write_rows(cursor, self.rows(documents))

    def write_rows(self, cursor, rows: list[tuple]) -> None:
        cursor.executemany(
            "INSERT INTO search_searchdocument (id, pairs, length, statistics) VALUES (%s, %s, %s, %s)",
            [r[:4] for r in rows],
        )
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, summary, body, context) VALUES (%s, %s, %s, %s, %s)",
            [(r[0], *r[4:]) for r in rows],
        )
        # The title and summary again, in a table of their own (see migration 0003): the head tier.
        cursor.executemany(
            "INSERT INTO search_head (rowid, title, summary) VALUES (%s, %s, %s)", [(r[0], r[4], r[5]) for r in rows]
        )

    def delete(self, cursor, document_ids: list[int]) -> None:
        for table in ("search_fts", "search_head"):
            cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(pk,) for pk in document_ids])  # noqa: S608

    def clear(self, cursor) -> None:
        # Dropped and created again, as the migrations made them: a DELETE makes FTS5 read back every
        # row to take its words out of the index (5 s for 100 000 practices, against 1 s).
        for table in ("search_fts", "search_head"):
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
            (definition,) = cursor.fetchone()
            cursor.execute(f"DROP TABLE {table}")  # noqa: S608 - our names
            cursor.execute(definition)

    def after_rebuild(self, cursor) -> None:
        cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        cursor.execute("INSERT INTO search_head (search_head) VALUES ('optimize')")

    def after_commit(self, cursor) -> None:
        pass

    def matching_ids(
        self, parsed: q.ParsedQuery, *, head: bool = False, among: np.ndarray | None = None, kind=None
    ) -> np.ndarray:
        """Every document that matches (head: with every group in its title or summary), in no order;
        only those `among` these ids, if given, or else of this kind (kinds.SearchKind), if given."""
        table = "search_head" if head else "search_fts"
        sql = f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH %s"  # noqa: S608 - our names
        params = [q.fts5_match(parsed, head=head)]
        if among is not None:
            sql += self.AMONG
            params += [int(among.min()), int(among.max()), _json_ids(among)]
        elif kind is not None:
            sql += self.OF_KIND
            params += [kind.first_id, kind.last_id]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return _id_array(cursor.fetchone()[0])

    def latest_ids(self, parsed: q.ParsedQuery, *, head: bool, limit: int, kind) -> np.ndarray:
        """The `limit` matches of the kind with the highest ids (FTS5 seeks the end of the kind's range,
        reads its lists backwards and stops), in no order."""
        table = "search_head" if head else "search_fts"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT group_concat(rowid) FROM (SELECT rowid FROM {table} WHERE {table} MATCH %s "  # noqa: S608
                f"{self.OF_KIND} ORDER BY rowid DESC LIMIT %s)",
                [q.fts5_match(parsed, head=head), kind.first_id, kind.last_id, limit],
            )
            return _id_array(cursor.fetchone()[0])

    def statistics_of(self, among: np.ndarray) -> list[tuple[int, int, str]]:
        """(id, length, statistics) of the documents `among` these ids, for ranking.py."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, length, statistics FROM search_searchdocument "
                "WHERE id IN (SELECT value FROM json_each(%s))",
                [_json_ids(among)],
            )
            return cursor.fetchall()

    def document_lengths(self, *, kind=None, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ids and lengths of the kind's documents, or of those `among` these ids: from the index on
        (id, length) alone, as two strings rather than 100 000 rows."""
        if among is not None:
            where, params = "id IN (SELECT value FROM json_each(%s))", [_json_ids(among)]
        else:
            where, params = "id BETWEEN %s AND %s", [kind.first_id, kind.last_id]
        with connection.cursor() as cursor:
            # Both aggregates step through the same rows in the same order.
            sql = f"SELECT group_concat(id), group_concat(length) FROM search_searchdocument WHERE {where}"  # noqa: S608
            cursor.execute(sql, params)
            ids, lengths = cursor.fetchone()
        return _id_array(ids), _id_array(lengths)

    def spelling_candidates(self, word: str) -> list[str]:
        from hub.search.models import SearchTerm

        return list(
            SearchTerm.objects.filter(length__range=(len(word) - 2, len(word) + 2))
            .values_list("word", flat=True)
            .distinct()
        )


class PostgresEngine:
    name = "PostgreSQL full-text search"

    @staticmethod
    def tsvector_literal(document: IndexedDocument, fields: tuple[str, ...] = FIELDS) -> str:
        positions: dict[str, list[str]] = {}
        position = 0
        for name, weight in zip(fields, "ABCD", strict=False):
            for term in document.fields[name]:
                position += 1
                found = positions.setdefault(term, [])
                if len(found) < MAX_POSITIONS_PER_TERM:
                    found.append(f"{min(position, MAX_POSITION)}{weight}")
            position += FIELD_GAP
        return " ".join(f"'{term}':{','.join(found)}" for term, found in positions.items())

    @classmethod
    def rows(cls, documents: list[IndexedDocument]) -> list[tuple]:
        """What write_rows stores for these documents: computed apart, so that workers can do it."""
        return [
            (
                d.document_id,
                " ".join(d.pairs),
                d.length,
                d.statistics,
                cls.tsvector_literal(d),
                cls.tsvector_literal(d, HEAD_FIELDS),
            )
            for d in documents
        ]

    def write(self, cursor, documents: list[IndexedDocument]) -> None:
        """Store the documents (whose old versions were deleted first)."""
        self.write_rows(cursor, self.rows(documents))

    def write_rows(self, cursor, rows: list[tuple]) -> None:
        # COPY, not INSERT: a rebuild writes 100 000 of them. The title and summary go again in a
        # table of their own (see migration 0003): the head tier, small enough to rank thousands.
        with cursor.copy("COPY search_searchdocument (id, pairs, length, statistics, document) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row[:5])
        with cursor.copy("COPY search_head (id, head) FROM STDIN") as copy:
            for row in rows:
                copy.write_row((row[0], row[5]))

    def delete(self, cursor, document_ids: list[int]) -> None:
        # The document goes with its SearchDocument row, which the caller deletes.
        cursor.execute("DELETE FROM search_head WHERE id = ANY(%s)", [list(document_ids)])

    def clear(self, cursor) -> None:
        """Empty the index and drop its text indexes, for a rebuild: rows go in many times faster
        without them (RUM: 200 s instead of 60), and building them afresh takes seconds. Searches
        wait for the rebuild's transaction meanwhile; after_rebuild builds them again."""
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('search_searchdocument', 'search_head') "
            "AND indexdef ~ 'USING (gin|rum)'"
        )
        self._dropped_indexes = cursor.fetchall()
        # Deferred foreign-key checks of this transaction's earlier writes first: PostgreSQL neither
        # truncates nor indexes a table with checks pending.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, _definition in self._dropped_indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("TRUNCATE search_head, search_searchdocument")

    TABLES = ("search_searchdocument", "search_head", "search_searchterm")

    def after_rebuild(self, cursor) -> None:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the new rows' checks: see clear()
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in getattr(self, "_dropped_indexes", []):
            cursor.execute(definition)
        for table in self.TABLES:
            cursor.execute(f"ANALYZE {table}")  # noqa: S608 - our names

    def after_commit(self, cursor) -> None:
        """VACUUM, which cannot run in a transaction: the rows a rebuild replaced are dead."""
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(self.TABLES)}")  # noqa: S608 - our names

    @classmethod
    def _where(cls, parsed, head: bool) -> tuple[str, str, list]:
        """The table, its condition and the parameters."""
        if head:
            return "search_head", "head @@ %s::tsquery", [q.positive_tsquery(parsed)]
        if parsed.has_phrase and cls._has_phrase_index():
            # The expression of the RUM index (migration 0004), which keeps word positions.
            return "search_searchdocument", "(document || ''::tsvector) @@ %s::tsquery", [q.tsquery(parsed)]
        return "search_searchdocument", "document @@ %s::tsquery", [q.tsquery(parsed)]

    _phrase_index_in: dict[str, bool] = {}  # database name -> whether it has the RUM index

    @classmethod
    def _has_phrase_index(cls) -> bool:
        database = connection.settings_dict["NAME"]
        if database not in cls._phrase_index_in:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'search_document_phrases'")
                cls._phrase_index_in[database] = cursor.fetchone() is not None
        return cls._phrase_index_in[database]

    @staticmethod
    def _execute(cursor, sql: str, params: list) -> None:
        # A common word is in most documents, so the planner reads the whole table and tests each
        # document: 350 ms at 100 000 practices, every document read back from TOAST. The GIN index
        # answers the same without reading a document (5–30 ms); only a phrase needs them.
        with transaction.atomic(using=connection.alias):
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)

    def matching_ids(self, parsed, *, head: bool = False, among: np.ndarray | None = None, kind=None) -> np.ndarray:
        """Every document that matches, in no order; only those `among` these ids, if given, or else of
        this kind (kinds.SearchKind, a range of the primary key), if given."""
        table, where, params = self._where(parsed, head)
        sql = f"SELECT string_agg(int8send(id), ''::bytea) FROM {table} WHERE {where}"  # noqa: S608
        with connection.cursor() as cursor:
            if among is not None:  # a few ids: the planner reads them by key and tests their documents
                cursor.execute(sql + " AND id = ANY(%s::bigint[])", [*params, _array_literal(among)])
            elif kind is not None:
                self._execute(cursor, sql + " AND id BETWEEN %s AND %s", [*params, kind.first_id, kind.last_id])
            else:
                self._execute(cursor, sql, params)
            return _packed_id_array(cursor.fetchone()[0])

    def latest_ids(self, parsed, *, head: bool, limit: int, kind) -> np.ndarray:
        """The `limit` matches of the kind with the highest ids, in no order. For a common word the
        planner reads the newest rows of the kind backwards until it has them, without collecting
        every match."""
        table, where, params = self._where(parsed, head)
        with connection.cursor() as cursor:
            sql = (
                f"SELECT string_agg(int8send(id), ''::bytea) FROM (SELECT id FROM {table} "  # noqa: S608
                f"WHERE {where} AND id BETWEEN %s AND %s ORDER BY id DESC LIMIT %s) latest"
            )
            cursor.execute(sql, [*params, kind.first_id, kind.last_id, limit])
            return _packed_id_array(cursor.fetchone()[0])

    def statistics_of(self, among: np.ndarray) -> list[tuple[int, int, str]]:
        """(id, length, statistics) of the documents `among` these ids, for ranking.py."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT id, length, statistics FROM search_searchdocument WHERE id = ANY(%s::bigint[])",
                [_array_literal(among)],
            )
            return cursor.fetchall()

    def document_lengths(self, *, kind=None, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ids and lengths of the kind's documents, or of those `among` these ids: from the index on
        (id, length) alone, as two byte strings rather than 100 000 rows."""
        if among is not None:
            where, params = "id = ANY(%s::bigint[])", [_array_literal(among)]
        else:
            where, params = "id BETWEEN %s AND %s", [kind.first_id, kind.last_id]
        with connection.cursor() as cursor:
            # Both aggregates step through the same rows in the same order (no sort of 100 000 rows).
            cursor.execute(
                "SELECT string_agg(int8send(id), ''::bytea), "  # noqa: S608 - our condition
                f"string_agg(int8send(length::bigint), ''::bytea) FROM search_searchdocument WHERE {where}",
                params,
            )
            ids, lengths = cursor.fetchone()
        return _packed_id_array(ids), _packed_id_array(lengths)

    def spelling_candidates(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            # `%%` is pg_trgm's similarity operator (threshold 0.3), served by the trigram index.
            cursor.execute(
                "SELECT word FROM search_searchterm WHERE word %% %s GROUP BY word "
                "ORDER BY max(similarity(word, %s)) DESC LIMIT 50",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]


def get_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()
