"""Writes to the search index, for every kind (hub/search/kinds.py). Called from the publishing
services (a kind's `index` is search_index for it), inside their transaction, so that the index never
disagrees with what is published. Whether public listings changed is for the caller to say
(hub.publishing.services._changed); only a rebuild says it here."""

import multiprocessing
import os
import time
from collections import Counter, deque

from django.db import connection, transaction

from hub.search.documents import analyse, analyse_many, read_texts
from hub.search.engines import get_engine
from hub.search.kinds import PRACTICES, ObjectText, SearchKind, search_kind_named, search_kinds
from hub.search.listing import documents_changed, listings_changed
from hub.search.models import SearchDocument, SearchTerm
from hub.search.semantic import vectors_stale

REBUILD_CHUNK = 2_000
# A rebuild of this many practices or more analyses their text in worker processes, one per core,
# while this process reads the next chunk and writes the last: the analysis is most of the time.
PARALLEL_FROM = 20_000
INDEX_WRITERS_LOCK = 0x1B15  # a PostgreSQL advisory lock: see _take_turns
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


def _update_vocabulary(cursor, change: Counter) -> None:
    """Add change[pair] (negative: take away) to the number of documents of each word."""
    cursor.executemany(
        "UPDATE search_searchterm SET documents = documents - %s WHERE word = %s AND term = %s",
        [(-n, *pair.split(":", 1)) for pair, n in change.items() if n < 0],
    )
    cursor.executemany(UPSERT_TERM_SQL, [row for pair, n in change.items() if n > 0 for row in _pair_rows([pair], n)])
    cursor.execute("DELETE FROM search_searchterm WHERE documents <= 0")


@transaction.atomic
def search_index(*, kind: SearchKind, objects: list) -> None:
    """Put these objects' current text in the index, the published ones; take the others out.
    A few statements for them all (imports)."""
    latest = {obj.pk: obj for obj in objects}
    published = [pk for pk, obj in latest.items() if obj.is_published]
    kept = set(published)
    _index(kind, published, removed=[pk for pk in latest if pk not in kept])


@transaction.atomic
def search_remove(*, kind: SearchKind, object_ids: list[int]) -> None:
    _index(kind, [], removed=list(object_ids))


def _practices() -> SearchKind:
    return search_kind_named(PRACTICES)


def search_remove_practice(*, practice_id: int) -> None:
    search_remove(kind=_practices(), object_ids=[practice_id])


def search_remove_practices(*, practice_ids: list[int]) -> None:
    search_remove(kind=_practices(), object_ids=practice_ids)


def search_index_practice(*, practice) -> None:
    """Put the practice's current text in the index, or take it out if it is not published."""
    search_index(kind=_practices(), objects=[practice])


def search_index_practices(*, practices: list) -> None:
    search_index(kind=_practices(), objects=practices)


def _index(kind: SearchKind, published: list[int], *, removed: list[int]) -> None:
    """Index the `published` objects of the kind afresh and take the `removed` ones out."""
    with connection.cursor() as cursor:
        _take_turns(cursor)  # before reading what is stored: another writer may be changing it
    stored = SearchDocument.objects.filter(id__in=kind.document_ids([*published, *removed]))
    old = dict(stored.values_list("id", "pairs"))
    documents = analyse_many(kind, published) if published else []
    change: Counter[str] = Counter()
    for pairs in old.values():
        change.subtract(pairs.split())
    for document in documents:
        change.update(document.pairs)
    engine = get_engine()
    with connection.cursor() as cursor:
        if old:
            engine.delete(cursor, list(old))
            SearchDocument.objects.filter(id__in=list(old)).delete()
        if documents:
            engine.write(cursor, documents)
        _update_vocabulary(cursor, change)
    if kind.slug != PRACTICES:
        documents_changed()
    # Their vectors (any status: the duplicate check reads queued ones) by the background queue, once committed.
    vectors_stale(kind=kind, object_ids=[*published, *removed])


def _take_turns(cursor) -> None:
    """Writers of the index wait here for each other's commit, as SQLite's writers always do: a
    writer reads what is stored (a document's word pairs, to update the vocabulary) and then replaces
    it, and two writers of one document at once would both take its old words away, and the second
    would find the first one's new row in the way of its own. A transaction takes this before anything
    else of the index, and no row of an object after it (publishing.services.content_delete locks its
    row first): so no two writers wait for each other."""
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_WRITERS_LOCK])


def _analysed_rows(texts: list[ObjectText], engine_class) -> tuple[list[tuple], Counter]:
    """In a worker process: no database here, only text in and rows out."""
    documents = analyse(texts)
    vocabulary: Counter[str] = Counter()
    for document in documents:
        vocabulary.update(document.pairs)
    return engine_class.rows(documents), vocabulary


def search_rebuild(*, progress=None, workers: int | None = None) -> dict:
    """Index every published object of every kind afresh; returns how many and how long it took."""
    started = time.perf_counter()
    result = _rebuild(progress=progress, workers=workers)
    if not connection.in_atomic_block:
        # Once committed: the old rows are dead, and searches would step over them until autovacuum came.
        with connection.cursor() as cursor:
            get_engine().after_commit(cursor)
    return {**result, "seconds": round(time.perf_counter() - started, 1)}


@transaction.atomic
def _rebuild(*, progress, workers: int | None) -> dict:
    engine = get_engine()
    # Searches keep each word's matches with the facet index (results.PracticeSearch.matches): a new
    # listing version, once committed, makes every process build both afresh.
    listings_changed()
    documents_changed()
    with connection.cursor() as cursor:
        _take_turns(cursor)
        engine.clear(cursor)
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()

    chunks, counted = [], {}
    for kind in search_kinds():
        ids = list(kind.published().order_by("pk").values_list("pk", flat=True))
        chunks += [(kind, ids[start : start + REBUILD_CHUNK]) for start in range(0, len(ids), REBUILD_CHUNK)]
        counted[kind.slug] = len(ids)
    total = sum(counted.values())
    vocabulary: Counter[str] = Counter()
    done = 0

    def store(result: tuple[list[tuple], Counter]) -> None:
        nonlocal done
        rows, chunk_vocabulary = result
        with connection.cursor() as cursor:
            engine.write_rows(cursor, rows)
        vocabulary.update(chunk_vocabulary)
        done += len(rows)
        if progress:
            progress(done, total)

    if workers is None:
        workers = (os.cpu_count() or 1) if total >= PARALLEL_FROM else 1
    if workers > 1:
        # Forked workers never touch the database connection they inherit: they get texts, return rows.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = deque()
            for kind, chunk in chunks:
                pending.append(pool.apply_async(_analysed_rows, (read_texts(kind, chunk), type(engine))))
                if len(pending) > workers:
                    store(pending.popleft().get())
            while pending:
                store(pending.popleft().get())
    else:
        for kind, chunk in chunks:
            store(_analysed_rows(read_texts(kind, chunk), type(engine)))
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT_TERM_SQL, [row for pair, n in vocabulary.items() for row in _pair_rows([pair], n)])
    with connection.cursor() as cursor:
        engine.after_rebuild(cursor)
    return {"practices": counted.get(PRACTICES, 0), "documents": total, "terms": len(vocabulary)}
