"""Writes to the search index. Called from the practice services, inside their transaction,
so that the index never disagrees with what is published."""

import time
from collections import Counter

from django.db import connection, transaction

from hub.practices.models import Practice
from hub.search.documents import IndexedPractice, analyse_many
from hub.search.engines import get_engine
from hub.search.models import SearchDocument, SearchTerm

REBUILD_CHUNK = 2_000
UPSERT_TERM_SQL = (
    "INSERT INTO search_searchterm (word, term, length, documents) VALUES (%s, %s, %s, %s) "
    "ON CONFLICT (word, term) DO UPDATE SET documents = search_searchterm.documents + excluded.documents"
)


def _pair_rows(pairs, documents: int = 1) -> list[tuple]:
    rows = []
    for pair in pairs:
        word, term = pair.split(":", 1)
        rows.append((word, term, len(word), documents))
    return rows


def _forget_pairs(cursor, pairs) -> None:
    cursor.executemany(
        "UPDATE search_searchterm SET documents = documents - 1 WHERE word = %s AND term = %s",
        [pair.split(":", 1) for pair in pairs],
    )
    cursor.execute("DELETE FROM search_searchterm WHERE documents <= 0")


@transaction.atomic
def search_remove_practice(*, practice_id: int) -> None:
    document = SearchDocument.objects.filter(practice_id=practice_id).first()
    if document is None:
        return
    with connection.cursor() as cursor:
        get_engine().delete(cursor, [practice_id])
        _forget_pairs(cursor, document.pairs.split())
    document.delete()


@transaction.atomic
def search_index_practice(*, practice: Practice) -> None:
    """Put the practice's current text in the index, or take it out if it is not published."""
    if practice.status != Practice.Status.PUBLISHED:
        search_remove_practice(practice_id=practice.pk)
        return
    (indexed,) = analyse_many([practice.pk])
    document = SearchDocument.objects.filter(practice_id=practice.pk).first()
    old_pairs = set(document.pairs.split()) if document else set()
    engine = get_engine()
    with connection.cursor() as cursor:
        if document:
            engine.delete(cursor, [practice.pk])
            document.delete()
        engine.write(cursor, [indexed])
        _forget_pairs(cursor, old_pairs - indexed.pairs)
        cursor.executemany(UPSERT_TERM_SQL, _pair_rows(indexed.pairs - old_pairs))


@transaction.atomic
def search_rebuild(*, progress=None) -> dict:
    """Index every published practice afresh; returns how many and how long it took."""
    started = time.perf_counter()
    engine = get_engine()
    with connection.cursor() as cursor:
        engine.clear(cursor)
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()

    vocabulary: Counter[str] = Counter()
    ids = list(Practice.objects.published().order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), REBUILD_CHUNK):
        chunk = ids[start : start + REBUILD_CHUNK]
        documents: list[IndexedPractice] = analyse_many(chunk)
        with connection.cursor() as cursor:
            engine.write(cursor, documents)
        for document in documents:
            vocabulary.update(document.pairs)
        if progress:
            progress(start + len(chunk), len(ids))
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT_TERM_SQL, [row for pair, n in vocabulary.items() for row in _pair_rows([pair], n)])
    with connection.cursor() as cursor:
        engine.after_rebuild(cursor)
    return {"practices": len(ids), "terms": len(vocabulary), "seconds": round(time.perf_counter() - started, 1)}
