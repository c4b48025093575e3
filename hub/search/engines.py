"""The two engines behind one interface, chosen by the database in use.

Both receive the same terms (analysis.py) and the same parsed query (query.py); each stores
and matches them with its own full-text machinery and ranks with weighted fields.
"""

import math

from django.db import connection

from hub.search import query as q
from hub.search.documents import FIELDS, IndexedPractice

# Weights of title, summary, body and context, in that order.
FIELD_WEIGHTS = (10.0, 4.0, 1.5, 1.0)
MAX_POSITIONS_PER_TERM = 255  # PostgreSQL keeps at most 256 positions of one lexeme
MAX_POSITION = 16383  # and none beyond this
FIELD_GAP = 8  # so that a phrase never runs from the end of one field into the next


def _within(sql: str, column: str, within) -> tuple[str, list]:
    """Narrow a match to the ids a queryset selects (the filters of the page)."""
    if within is None:
        return sql, []
    inner, params = within.order_by().values("pk").query.sql_with_params()
    return f"{sql} AND {column} IN ({inner})", list(params)


# `+rowid`, not `rowid`: a bare rowid constraint is handed to FTS5, which then runs the full-text
# query once per filtered row (30 s instead of 1 s with two filters over 100 000 practices).
ROWID = "+rowid"


class SqliteEngine:
    name = "SQLite FTS5"

    def write(self, cursor, documents: list[IndexedPractice]) -> None:
        """Store the documents (whose old versions were deleted first)."""
        cursor.executemany(
            "INSERT INTO search_searchdocument (practice_id, pairs) VALUES (%s, %s)",
            [(d.practice_id, " ".join(d.pairs)) for d in documents],
        )
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, summary, body, context) VALUES (%s, %s, %s, %s, %s)",
            [(d.practice_id, *(" ".join(d.fields[name]) for name in FIELDS)) for d in documents],
        )

    def delete(self, cursor, practice_ids: list[int]) -> None:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(pk,) for pk in practice_ids])

    def clear(self, cursor) -> None:
        cursor.execute("DELETE FROM search_fts")

    def after_rebuild(self, cursor) -> None:
        cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def matching_ids_sql(self, parsed: q.ParsedQuery) -> tuple[str, list]:
        return "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [q.fts5_match(parsed)]

    def count(self, parsed, within=None) -> int:
        sql, params = _within("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s", ROWID, within)
        with connection.cursor() as cursor:
            cursor.execute(sql, [q.fts5_match(parsed), *params])
            return cursor.fetchone()[0]

    def ranked_ids(self, parsed, within=None, *, limit: int, offset: int = 0) -> list[int]:
        weights = ", ".join(str(w) for w in FIELD_WEIGHTS)
        sql, params = _within(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s",  # noqa: S608 - weights are our constants
            ROWID,
            within,
        )
        # bm25() is lower for better matches; it already weighs rare words more (idf).
        sql = sql.replace("SELECT rowid", f"SELECT rowid, bm25(search_fts, {weights}) AS score", 1)
        with connection.cursor() as cursor:
            cursor.execute(
                f"{sql} ORDER BY score, rowid DESC LIMIT %s OFFSET %s", [q.fts5_match(parsed), *params, limit, offset]
            )
            return [row[0] for row in cursor.fetchall()]

    def spelling_candidates(self, word: str) -> list[str]:
        from hub.search.models import SearchTerm

        return list(
            SearchTerm.objects.filter(length__range=(len(word) - 2, len(word) + 2))
            .values_list("word", flat=True)
            .distinct()
        )


class PostgresEngine:
    name = "PostgreSQL full-text search"
    # ts_rank's weights are given in the order D, C, B, A.
    RANK_WEIGHTS = "{" + ",".join(str(w / FIELD_WEIGHTS[0]) for w in reversed(FIELD_WEIGHTS)) + "}"

    @staticmethod
    def tsvector_literal(document: IndexedPractice) -> str:
        positions: dict[str, list[str]] = {}
        position = 0
        for name, weight in zip(FIELDS, "ABCD", strict=True):
            for term in document.fields[name]:
                position += 1
                found = positions.setdefault(term, [])
                if len(found) < MAX_POSITIONS_PER_TERM:
                    found.append(f"{min(position, MAX_POSITION)}{weight}")
            position += FIELD_GAP
        return " ".join(f"'{term}':{','.join(found)}" for term, found in positions.items())

    def write(self, cursor, documents: list[IndexedPractice]) -> None:
        cursor.executemany(
            "INSERT INTO search_searchdocument (practice_id, pairs, document) VALUES (%s, %s, %s::tsvector)",
            [(d.practice_id, " ".join(d.pairs), self.tsvector_literal(d)) for d in documents],
        )

    def delete(self, cursor, practice_ids: list[int]) -> None:
        pass  # the tsvector goes with its SearchDocument row

    def clear(self, cursor) -> None:
        pass

    def after_rebuild(self, cursor) -> None:
        cursor.execute("ANALYZE search_searchdocument")
        cursor.execute("ANALYZE search_searchterm")

    def matching_ids_sql(self, parsed) -> tuple[str, list]:
        return "SELECT practice_id FROM search_searchdocument WHERE document @@ %s::tsquery", [q.tsquery(parsed)]

    def count(self, parsed, within=None) -> int:
        sql, params = _within(
            "SELECT count(*) FROM search_searchdocument WHERE document @@ %s::tsquery", "practice_id", within
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [q.tsquery(parsed), *params])
            return cursor.fetchone()[0]

    def ranked_ids(self, parsed, within=None, *, limit: int, offset: int = 0) -> list[int]:
        # ts_rank knows nothing of how rare a word is: each group of the query weighs its idf.
        groups = q.group_tsqueries(parsed)
        idfs = inverse_document_frequencies(parsed)
        score = " + ".join("%s * ts_rank(%s, document, %s::tsquery, 1)" for _ in groups)
        score_params = [
            value for idf, group in zip(idfs, groups, strict=True) for value in (idf, self.RANK_WEIGHTS, group)
        ]
        sql, params = _within(
            f"SELECT practice_id, {score} AS score FROM search_searchdocument "  # noqa: S608 - placeholders only
            "WHERE document @@ %s::tsquery",
            "practice_id",
            within,
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"{sql} ORDER BY score DESC, practice_id DESC LIMIT %s OFFSET %s",
                [*score_params, q.tsquery(parsed), *params, limit, offset],
            )
            return [row[0] for row in cursor.fetchall()]

    def spelling_candidates(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            # `%%` is pg_trgm's similarity operator (threshold 0.3), served by the trigram index.
            cursor.execute(
                "SELECT word FROM search_searchterm WHERE word %% %s GROUP BY word "
                "ORDER BY max(similarity(word, %s)) DESC LIMIT 50",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]


def inverse_document_frequencies(parsed) -> list[float]:
    from hub.search.models import SearchDocument, SearchTerm

    total = SearchDocument.objects.count()
    all_terms = {t for group in parsed.groups for term in group for alt in term.alternatives() for t in alt}
    frequency: dict[str, int] = {}
    for term, documents in SearchTerm.objects.filter(term__in=all_terms).values_list("term", "documents"):
        frequency[term] = frequency.get(term, 0) + documents
    idfs = []
    for group in parsed.groups:
        # a phrase is as rare as its rarest word, a group of alternatives as common as all of them
        df = sum(min(frequency.get(t, 0) for t in alternative) for term in group for alternative in term.alternatives())
        df = min(df, total)
        idfs.append(math.log(1 + (total - df + 0.5) / (df + 0.5)))
    return idfs


def get_engine():
    return PostgresEngine() if connection.vendor == "postgresql" else SqliteEngine()
