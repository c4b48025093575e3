"""Search by meaning: the sentence vectors of every object of a search kind, kept and searched.

- **Computed in the background.** Whenever the index writes an object (hub/search/services.py,
  `_index`, which every publishing service reaches through a kind's `index`), the object's vector is
  asked of the background queue once the change is committed (`compute_vectors`): never in a request.
  The worker stores it in `SearchVector` (float16, with the model's name and a hash of the text, so
  that an edit that leaves the text alone costs nothing and a change of model is seen).
  `manage.py rebuild_vectors` computes them all.
- **Held in memory.** Each process holds the practices' vectors as one int8 matrix with a float32
  scale per row (`vector_matrix()`, `quantised`: a quarter of float32's memory, the same neighbours),
  read once and then brought up to date with only the rows written since, when the vectors' own version
  (moved by the worker, after every write or deletion of rows) changes. A publication alone moves no
  row: the matrix holds every status's vectors, and what may be shown is the facet index's to say.
- **Searched with numpy.** A dot product of the query's vector with every row (the rows are
  L2-normalised: the cosine), a block of rows at a time, kept to the practices that the page's
  facet-index bits allow (published, and the page's filters): nothing unpublished is ever found or
  shown as similar. The scores of the last few queries over every row are kept until the rows change,
  so a query searched again (another page, another filter) costs only the filter and the ordering.

Without a worker, no vector is ever computed: search is full text alone and practice pages show no
similar practices, as before (docs/operations.md).
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from datetime import timedelta

import numpy as np
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from hub.search import vectors
from hub.search.kinds import PRACTICES, SearchKind, search_kind_named, search_kinds
from hub.search.models import SearchVector

logger = logging.getLogger(__name__)

VECTORS_VERSION_KEY = "search:vectors-version"
STORED_DTYPE = np.float16  # 1 KB a vector in the database; int8 and a scale in memory (VectorMatrix)
MAX_TEXT_CHARS = 2_000  # title, summary and the start of the body: the model reads no further with profit
BATCH = 32  # texts embedded at once by the worker
# A row written less than this before the last refresh is read again at the next one: a worker's
# transaction may commit after another's that was stamped later.
REFRESH_OVERLAP = timedelta(minutes=2)
BLOCK = 256  # rows made float32 at a time by a search: 512 KB, within a core's cache
SAMPLE_STRIDE = 8  # neighbourhood(): one score in this many estimates where its closest end
READ_CHUNK = 5_000  # rows read and quantised at a time (10 MB of float32)
SCORES_KEPT = 32  # queries whose scores over every row a matrix keeps (400 KB each at 100 000 rows), and over some rows


def object_text(fields: dict[str, str]) -> str:
    """What the model reads of an object: its title, summary and body (not the places and
    organisations of `context`: a practice in Madrid is not about Madrid)."""
    text = "\n".join(part for part in (fields.get("title"), fields.get("summary"), fields.get("body")) if part)
    return text[:MAX_TEXT_CHARS]


def _text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def search_kind_numbered(number: int) -> SearchKind | None:
    return next((kind for kind in search_kinds() if kind.number == number), None)


# ---------------------------------------------------------------- computing and storing


def vectors_stale(*, kind: SearchKind, object_ids: list[int]) -> None:
    """The text of these objects may have changed (or they are gone): ask the queue for their vectors
    once the change is committed. Called by the index writer for every kind."""
    pks = sorted(set(object_ids))
    if pks:
        transaction.on_commit(lambda: compute_vectors.enqueue(kind=kind.number, object_ids=pks))


@task()
def compute_vectors(*, kind: int, object_ids: list[int]) -> int:
    search_kind = search_kind_numbered(kind)
    if search_kind is None:
        return 0
    return vectors_compute(kind=search_kind, object_ids=object_ids)


def vectors_compute(*, kind: SearchKind, object_ids: list[int], force: bool = False, progress=None) -> int:
    """Store the vectors of these objects (any status) whose text changed since; forget those of
    objects that no longer exist. Returns how many were computed."""
    computed, forgotten = 0, 0
    for start in range(0, len(object_ids), BATCH * 8):
        chunk = object_ids[start : start + BATCH * 8]
        texts = {pk: object_text(fields) for pk, _language, fields in kind.texts(chunk)}
        gone = set(chunk) - set(texts)
        if gone:
            forgotten += SearchVector.objects.filter(kind=kind.number, object_id__in=gone).delete()[0]
        stored = {
            pk: (model, text_hash)
            for pk, model, text_hash in SearchVector.objects.filter(
                kind=kind.number, object_id__in=list(texts)
            ).values_list("object_id", "model", "text_hash")
        }
        todo = [
            (pk, text)
            for pk, text in texts.items()
            if force or stored.get(pk) != (vectors.MODEL_NAME, _text_hash(text))
        ]
        for batch_start in range(0, len(todo), BATCH):
            batch = todo[batch_start : batch_start + BATCH]
            embedded = vectors.embed([text for _pk, text in batch]).astype(STORED_DTYPE)
            now = timezone.now()
            rows = [
                SearchVector(
                    kind=kind.number,
                    object_id=pk,
                    model=vectors.MODEL_NAME,
                    vector=embedded[i].tobytes(),
                    text_hash=_text_hash(text),
                    updated_at=now,
                )
                for i, (pk, text) in enumerate(batch)
            ]
            SearchVector.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["kind", "object_id"],
                update_fields=["model", "vector", "text_hash", "updated_at"],
            )
            computed += len(batch)
        if progress:
            progress(len(chunk))
    if computed or forgotten:
        transaction.on_commit(vectors_changed)
    return computed


def vectors_changed() -> None:
    """Every process reads the rows written since its last look at its next search."""
    cache.set(VECTORS_VERSION_KEY, time.time_ns(), None)


def vectors_version() -> int:
    return cache.get_or_set(VECTORS_VERSION_KEY, time.time_ns, timeout=None)


def vectors_rebuild(*, progress=None, force: bool = True) -> dict:
    """Compute the vector of every object of every kind (any status, as the queue does)."""
    started = time.perf_counter()
    counted = {}
    total = 0
    for kind in search_kinds():
        ids = list(kind.model_class._default_manager.order_by("pk").values_list("pk", flat=True))
        counted[kind.slug] = len(ids)
        total += vectors_compute(kind=kind, object_ids=ids, force=force, progress=progress)
        # Vectors of a model other than the current one are of no use: search ignores them.
        SearchVector.objects.filter(kind=kind.number).exclude(model=vectors.MODEL_NAME).delete()
    return {"objects": counted, "computed": total, "seconds": round(time.perf_counter() - started, 1)}


# ---------------------------------------------------------------- in memory


def quantised(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row as int8 codes and one float32 scale: row ≈ codes * scale, every number within half a
    scale (the row's largest number / 254) of its own value. A quarter of float32's memory, and a
    cosine within about 0.002 of float32's (hub/search/tests/test_semantic_matrix.py)."""
    rows = np.asarray(rows, dtype=np.float32)
    scales = (np.abs(rows).max(axis=1, initial=0.0) / 127).astype(np.float32)
    codes = np.rint(rows / np.where(scales > 0, scales, 1)[:, None])
    return np.clip(codes, -127, 127).astype(np.int8), scales


def quantised_dot(codes: np.ndarray, scales: np.ndarray, query: np.ndarray) -> np.ndarray:
    """codes * scales @ query, BLOCK rows at a time: each block made float32 in the core's cache, so the
    whole matrix is read once as int8 (a quarter of float32's bytes) and never copied."""
    query = np.ascontiguousarray(query, dtype=np.float32)
    out = np.empty(len(codes), dtype=np.float32)
    buffer = np.empty((min(BLOCK, len(codes)), codes.shape[1]), dtype=np.float32)
    for start in range(0, len(codes), BLOCK):
        block = codes[start : start + BLOCK]
        rows = buffer[: len(block)]
        rows[...] = block
        np.dot(rows, query, out=out[start : start + len(block)])
    out *= scales
    return out


class VectorMatrix:
    """The stored vectors of one kind as the rows of one int8 matrix with a scale per row (`quantised`),
    with their primary keys; and the scores of the last SCORES_KEPT queries over all of its rows."""

    def __init__(self, kind_number: int):
        self.kind_number = kind_number
        self.version = None
        self.generation = 0  # moved by every change of the rows: kept scores of another are never used
        self._scores: OrderedDict[bytes, tuple[int, np.ndarray]] = OrderedDict()
        # The scores of a query over some rows only (a filtered search's): (query, rows) -> (generation, scores).
        self._row_scores: OrderedDict[bytes, tuple[int, np.ndarray]] = OrderedDict()
        self._scores_lock = threading.Lock()
        self._empty()

    def _empty(self) -> None:
        self.codes = np.zeros((0, vectors.DIMENSIONS), dtype=np.int8)
        self.scales = np.zeros(0, dtype=np.float32)
        self.pks = np.zeros(0, dtype=np.int64)
        self.size = 0
        self._row_of_pk = np.full(1, -1, dtype=np.int64)
        self.read_until = None

    def __len__(self) -> int:
        return self.size

    @property
    def nbytes(self) -> int:
        """The matrix, its primary keys and the index of its rows by primary key (not the kept scores)."""
        return self.codes.nbytes + self.scales.nbytes + self.pks.nbytes + self._row_of_pk.nbytes

    @property
    def scores_nbytes(self) -> int:
        with self._scores_lock:
            kept = [*self._scores.values(), *self._row_scores.values()]
            return sum(found.nbytes for _generation, found in kept)

    def refresh(self, *, whole: bool = False) -> None:
        """Read the rows written since the last refresh (all of them the first time, or when `whole`)."""
        if whole:
            self._empty()
            self._changed()
        incremental = self.read_until is not None
        if self.read_until is None:
            rows = SearchVector.objects.filter(kind=self.kind_number, model=vectors.MODEL_NAME)
        else:
            # By the index on the time alone (the few rows written since); kind and model checked here.
            rows = SearchVector.objects.filter(updated_at__gte=self.read_until - REFRESH_OVERLAP)
        read_at = timezone.now()
        if not incremental:
            self._reserve(self._stored_count())
        # Put in READ_CHUNK rows at a time: the whole matrix made float32 at once, with the temporaries
        # of quantised(), took 700 MB more than the matrix itself at 100 000 rows (a process's peak).
        found = []

        def put() -> None:
            self._put(np.fromiter((pk for pk, _ in found), dtype=np.int64, count=len(found)), found)
            found.clear()

        for pk, kind, model, vector in rows.values_list("object_id", "kind", "model", "vector").iterator(
            chunk_size=READ_CHUNK
        ):
            if kind == self.kind_number and model == vectors.MODEL_NAME:
                found.append((pk, vector))
                if len(found) == READ_CHUNK:
                    put()
        if found:
            put()
        self.read_until = read_at
        if incremental and self._stored_count() != self.size:
            # Rows were deleted (objects deleted, a change of model, a restored database): read them all.
            self.refresh(whole=True)

    def _stored_count(self) -> int:
        return SearchVector.objects.filter(kind=self.kind_number, model=vectors.MODEL_NAME).count()

    def _changed(self) -> None:
        """The rows are all read again: no kept score is of use."""
        with self._scores_lock:
            self.generation += 1
            self._scores.clear()
            self._row_scores.clear()

    def _put(self, pks: np.ndarray, rows: list) -> None:
        block = np.frombuffer(b"".join(bytes(vector) for _, vector in rows), dtype=STORED_DTYPE)
        codes, scales = quantised(block.reshape(len(rows), vectors.DIMENSIONS))
        # While the rows change, nothing kept is used and nothing computed is kept (the generation
        # moves before and after); the kept scores are then brought up to date for the rows written.
        with self._scores_lock:
            carried = [
                (key, found) for key, (generation, found) in self._scores.items() if generation == self.generation
            ]
            self.generation += 1
            self._scores.clear()
            self._row_scores.clear()
        if pks.max() >= len(self._row_of_pk):
            grown = np.full(max(int(pks.max()) + 1, 2 * len(self._row_of_pk)), -1, dtype=np.int64)
            grown[: len(self._row_of_pk)] = self._row_of_pk
            self._row_of_pk = grown
        rows_at = self._row_of_pk[pks]
        new = rows_at < 0
        new_count = int(new.sum())
        if self.size + new_count > len(self.codes):
            self._reserve(max(self.size + new_count, 2 * len(self.codes)))
        rows_at[new] = np.arange(self.size, self.size + new_count)
        self.codes[rows_at] = codes
        self.scales[rows_at] = scales
        self.pks[rows_at] = pks
        self._row_of_pk[pks] = rows_at
        self.size += new_count
        with self._scores_lock:
            self.generation += 1
            for key, found in carried:
                updated = np.empty(self.size, dtype=np.float32)
                updated[: len(found)] = found
                updated[rows_at] = quantised_dot(codes, scales, np.frombuffer(key, dtype=np.float32))
                self._scores[key] = (self.generation, updated)

    def _reserve(self, capacity: int) -> None:
        """Room for `capacity` rows (a whole read reserves them all at once, not by doubling)."""
        if capacity <= len(self.codes):
            return
        grown_codes = np.zeros((capacity, vectors.DIMENSIONS), dtype=np.int8)
        grown_codes[: self.size] = self.codes[: self.size]
        grown_scales = np.zeros(capacity, dtype=np.float32)
        grown_scales[: self.size] = self.scales[: self.size]
        all_pks = np.zeros(capacity, dtype=np.int64)
        all_pks[: self.size] = self.pks[: self.size]
        self.codes, self.scales, self.pks = grown_codes, grown_scales, all_pks

    def rows_of(self, pks: np.ndarray) -> np.ndarray:
        """The row of each primary key, -1 where it has no vector."""
        inside = pks < len(self._row_of_pk)
        found = np.full(len(pks), -1, dtype=np.int64)
        found[inside] = self._row_of_pk[pks[inside]]
        return found

    def forget_scores(self) -> None:
        """Benchmarks measure a query searched for the first time."""
        with self._scores_lock:
            self._scores.clear()
            self._row_scores.clear()

    def kept_scores(self, query: np.ndarray) -> np.ndarray | None:
        """The query's scores over every row if they were computed since the rows last changed."""
        with self._scores_lock:
            kept = self._scores.get(np.asarray(query, dtype=np.float32).tobytes())
            if kept is None or kept[0] != self.generation:
                return None
            self._scores.move_to_end(np.asarray(query, dtype=np.float32).tobytes())
            return kept[1]

    def scores(self, query: np.ndarray) -> np.ndarray:
        """The cosine of the query with every row, kept for the next search of the same query."""
        found = self.kept_scores(query)
        if found is not None:
            return found
        generation = self.generation
        found = quantised_dot(self.codes[: self.size], self.scales[: self.size], query)
        with self._scores_lock:
            if generation == self.generation:  # else the rows changed meanwhile: these may mix old and new
                self._scores[np.asarray(query, dtype=np.float32).tobytes()] = (generation, found)
                while len(self._scores) > SCORES_KEPT:
                    self._scores.popitem(last=False)
        return found

    def scores_of_rows(self, rows: np.ndarray, query: np.ndarray) -> np.ndarray:
        """The cosine of the query with these rows only, kept for the same query over the same rows (the
        same filtered search again): gathering thousands of scattered rows costs more than the product."""
        found = self.kept_scores(query)
        if found is not None:
            return found[rows]
        key = np.asarray(query, dtype=np.float32).tobytes() + hashlib.blake2b(rows.tobytes(), digest_size=16).digest()
        with self._scores_lock:
            kept = self._row_scores.get(key)
            if kept is not None and kept[0] == self.generation:
                self._row_scores.move_to_end(key)
                return kept[1]
            generation = self.generation
        found = quantised_dot(self.codes[rows], self.scales[rows], query)
        with self._scores_lock:
            if generation == self.generation:
                self._row_scores[key] = (generation, found)
                while len(self._row_scores) > SCORES_KEPT:
                    self._row_scores.popitem(last=False)
        return found

    def vector_of(self, pk: int) -> np.ndarray | None:
        row = self.rows_of(np.array([pk], dtype=np.int64))[0]
        return self.codes[row].astype(np.float32) * self.scales[row] if row >= 0 else None


_lock = threading.Lock()
_matrices: dict[int, VectorMatrix] = {}


def vector_matrix(kind_number: int = 0) -> VectorMatrix:
    """This process's matrix of the kind's vectors, brought up to date if anything changed since."""
    # Not the listing version: reading what was written since and counting the rows cost every first
    # search after a publication 10-15 ms at 100 000 rows, for rows that no publication writes.
    version = vectors_version()
    matrix = _matrices.get(kind_number)
    if matrix is None or matrix.version != version:
        with _lock:
            matrix = _matrices.get(kind_number) or VectorMatrix(kind_number)
            if matrix.version != version:
                matrix.refresh()
                matrix.version = version
                _matrices[kind_number] = matrix
    return matrix


def forget_queries() -> None:
    """Benchmarks measure a first search: no query's vector nor scores kept."""
    with _query_lock:
        _query_vectors.clear()
    for matrix in list(_matrices.values()):
        matrix.forget_scores()


def forget_vector_matrices() -> None:
    """Tests and benchmarks that swap databases start again from nothing."""
    _matrices.clear()
    _query_vectors.clear()


# ---------------------------------------------------------------- searching

QUERY_CACHE = 1_000  # query vectors kept per process: a query's vector costs 10 to 30 ms to compute
_query_vectors: OrderedDict[str, np.ndarray] = OrderedDict()
_query_lock = threading.Lock()


def query_vector(text: str) -> np.ndarray:
    # Spaces change nothing the model sees; case does ("Refugees in Madrid" and "refugees in madrid"
    # are 0.86 apart): a key that folded case would give one the other's vector.
    key = " ".join(text.split())
    with _query_lock:
        if key in _query_vectors:
            _query_vectors.move_to_end(key)
            return _query_vectors[key]
    found = vectors.embed([key])[0]
    with _query_lock:
        _query_vectors[key] = found
        while len(_query_vectors) > QUERY_CACHE:
            _query_vectors.popitem(last=False)
    return found


def nearest(
    matrix: VectorMatrix, query: np.ndarray, allowed_pks: np.ndarray, *, limit: int, minimum: float
) -> list[tuple[int, float]]:
    """The `limit` allowed primary keys whose vectors are closest to `query` with a cosine of at least
    `minimum`, closest first."""
    return closest(*allowed_scores(matrix, query, allowed_pks), limit=limit, minimum=minimum)


def allowed_scores(matrix: VectorMatrix, query: np.ndarray, allowed_pks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The allowed primary keys that have a vector, and the cosine of each with `query`."""
    if not len(matrix) or not len(allowed_pks):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    rows = matrix.rows_of(np.asarray(allowed_pks, dtype=np.int64))
    has_vector = rows >= 0
    rows, pks = rows[has_vector], np.asarray(allowed_pks, dtype=np.int64)[has_vector]
    if not len(rows):
        return pks, np.zeros(0, dtype=np.float32)
    # A narrow filter: only the few rows it keeps are multiplied, not the whole matrix.
    narrow = len(rows) < len(matrix) // 4
    scores = matrix.scores_of_rows(rows, query) if narrow else matrix.scores(query)[rows]
    return pks, scores


def closest(pks: np.ndarray, scores: np.ndarray, *, limit: int, minimum: float) -> list[tuple[int, float]]:
    """The `limit` primary keys of the highest scores of at least `minimum`, highest first."""
    kept = scores >= minimum
    scores, pks = scores[kept], pks[kept]
    if len(scores) > limit:
        top = np.argpartition(-scores, limit - 1)[:limit]
        scores, pks = scores[top], pks[top]
    order = np.lexsort((pks, -scores))
    return [(int(pks[i]), float(scores[i])) for i in order]


def neighbourhood(pks: np.ndarray, scores: np.ndarray, *, size: int) -> np.ndarray:
    """The `size` primary keys of the highest scores (and any tied with the last), in no order."""
    if len(pks) <= size:
        return pks
    # The size-th highest score, estimated from every SAMPLE_STRIDE-th score when there are many: a
    # partition of 100 000 scores costs a millisecond or more, of 12 500 a tenth of that. About `size`
    # are then kept, a few more or fewer.
    sample = scores[::SAMPLE_STRIDE] if len(scores) >= SAMPLE_STRIDE * size else scores
    rank = max(1, len(sample) * size // len(scores))
    least = np.partition(sample, len(sample) - rank)[len(sample) - rank]
    return pks[scores >= least]


def practices_kind() -> SearchKind:
    return search_kind_named(PRACTICES)


def similar_practice_ids(pk: int, allowed_pks: np.ndarray, *, limit: int = 5, minimum: float = 0.45) -> list[int]:
    """The published practices closest in meaning to practice `pk` (itself left out)."""
    matrix = vector_matrix(practices_kind().number)
    own = matrix.vector_of(pk)
    if own is None:
        return []
    allowed = np.asarray(allowed_pks, dtype=np.int64)
    found = nearest(matrix, own, allowed[allowed != pk], limit=limit, minimum=minimum)
    return [other for other, _score in found]


def reciprocal_rank_fusion(rankings: list[list[int]], weights: list[float], k: float) -> list[int]:
    """One list from several: each id scores the sum of weight / (k + rank) over the lists it is in;
    ties keep the first list's order."""
    scores: dict[int, float] = {}
    first_seen: dict[int, int] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + weight / (k + rank)
            first_seen.setdefault(pk, len(first_seen))
    return sorted(scores, key=lambda pk: (-scores[pk], first_seen[pk]))
