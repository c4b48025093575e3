"""Writes to the search index. Called from the publishing services, inside their transaction,
so that the index never disagrees with what is published. Whether public listings changed is for
the caller to say (hub.publishing.services._changed); only a rebuild says it here."""

import multiprocessing
import os
import time
from collections import Counter, deque

from django.db import connection, transaction

from hub.practices.models import Practice
from hub.search.documents import PracticeText, analyse, analyse_many, read_texts
from hub.search.engines import get_engine
from hub.search.listing import listings_changed
from hub.search.models import SearchChange, SearchDocument, SearchTerm

REBUILD_CHUNK = 2_000
# A rebuild of this many practices or more analyses their text in worker processes, one per core,
# while this process reads the next chunk and writes the last: the analysis is most of the time.
PARALLEL_FROM = 20_000
# The change log keeps the latest changes only: a process that missed more starts its matches afresh.
KEPT_CHANGES = 10_000
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
    """Add change[pair] (negative: take away) to the number of practices of each word."""
    cursor.executemany(
        "UPDATE search_searchterm SET documents = documents - %s WHERE word = %s AND term = %s",
        [(-n, *pair.split(":", 1)) for pair, n in change.items() if n < 0],
    )
    cursor.executemany(UPSERT_TERM_SQL, [row for pair, n in change.items() if n > 0 for row in _pair_rows([pair], n)])
    cursor.execute("DELETE FROM search_searchterm WHERE documents <= 0")


@transaction.atomic
def search_remove_practice(*, practice_id: int) -> None:
    search_remove_practices(practice_ids=[practice_id])


@transaction.atomic
def search_remove_practices(*, practice_ids: list[int]) -> None:
    _index([], removed=list(practice_ids))


@transaction.atomic
def search_index_practice(*, practice: Practice) -> None:
    """Put the practice's current text in the index, or take it out if it is not published."""
    search_index_practices(practices=[practice])


@transaction.atomic
def search_index_practices(*, practices: list[Practice]) -> None:
    """search_index_practice for many practices, with a few statements for them all (imports)."""
    latest = {practice.pk: practice for practice in practices}
    published = [pk for pk, practice in latest.items() if practice.status == Practice.Status.PUBLISHED]
    _index(published, removed=[pk for pk in latest if pk not in set(published)])


def _index(published: list[int], *, removed: list[int]) -> None:
    """Index the `published` practices afresh and take the `removed` ones out."""
    with connection.cursor() as cursor:
        _take_turns(cursor)  # before reading what is stored: another writer may be changing it
    stored = SearchDocument.objects.filter(practice_id__in=[*published, *removed])
    old = dict(stored.values_list("practice_id", "pairs"))
    documents = analyse_many(published) if published else []
    change: Counter[str] = Counter()
    for pairs in old.values():
        change.subtract(pairs.split())
    for document in documents:
        change.update(document.pairs)
    engine = get_engine()
    with connection.cursor() as cursor:
        if old:
            engine.delete(cursor, list(old))
            SearchDocument.objects.filter(practice_id__in=list(old)).delete()
        if documents:
            engine.write(cursor, documents)
        _update_vocabulary(cursor, change)
        _log_changes(cursor, [*published, *removed])


def _take_turns(cursor) -> None:
    """Writers of the index wait here for each other's commit, as SQLite's writers always do. The
    change log must commit in the order of its ids: PostgreSQL would hand out ids in one order and
    commit them in another, and a process could read a later id before an earlier one exists. A
    transaction takes this before anything else of the index, and no row of a practice after it
    (publishing.services.content_delete locks its row first): so no two writers wait for each other."""
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_WRITERS_LOCK])


def _log_changes(cursor, practice_ids: list[int | None]) -> None:
    """Log the practices whose documents changed (None: all of them) for carry.py."""
    if not practice_ids:
        return
    SearchChange.objects.bulk_create([SearchChange(practice_id=pk) for pk in practice_ids])
    cursor.execute(
        "DELETE FROM search_searchchange WHERE id <= (SELECT max(id) FROM search_searchchange) - %s", [KEPT_CHANGES]
    )


def _analysed_rows(texts: list[PracticeText], engine_class) -> tuple[list[tuple], Counter]:
    """In a worker process: no database here, only text in and rows out."""
    documents = analyse(texts)
    vocabulary: Counter[str] = Counter()
    for document in documents:
        vocabulary.update(document.pairs)
    return engine_class.rows(documents), vocabulary


def search_rebuild(*, progress=None, workers: int | None = None) -> dict:
    """Index every published practice afresh; returns how many and how long it took."""
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
    with connection.cursor() as cursor:
        _take_turns(cursor)
        engine.clear(cursor)
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()

    ids = list(Practice.objects.published().order_by("pk").values_list("pk", flat=True))
    chunks = [ids[start : start + REBUILD_CHUNK] for start in range(0, len(ids), REBUILD_CHUNK)]
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
            progress(done, len(ids))

    if workers is None:
        workers = (os.cpu_count() or 1) if len(ids) >= PARALLEL_FROM else 1
    if workers > 1:
        # Forked workers never touch the database connection they inherit: they get texts, return rows.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            pending = deque()
            for chunk in chunks:
                pending.append(pool.apply_async(_analysed_rows, (read_texts(chunk), type(engine))))
                if len(pending) > workers:
                    store(pending.popleft().get())
            while pending:
                store(pending.popleft().get())
    else:
        for chunk in chunks:
            store(_analysed_rows(read_texts(chunk), type(engine)))
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT_TERM_SQL, [row for pair, n in vocabulary.items() for row in _pair_rows([pair], n)])
    with connection.cursor() as cursor:
        engine.after_rebuild(cursor)
        _log_changes(cursor, [None])
    return {"practices": len(ids), "terms": len(vocabulary)}
