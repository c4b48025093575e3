"""The in-memory matrix of search by meaning (hub/search/semantic.py): int8 rows with a scale each, the
scores kept per query until the rows change, and the query's vector kept per query text."""

import numpy as np

from hub.search import semantic, vectors
from hub.search.models import SearchVector
from hub.search.tests.vectors import fresh_matrices  # noqa: F401  (an autouse fixture)

TOLERANCE = 0.003  # the largest difference of a cosine, int8 against float32, over 512 numbers


def unit_rows(count: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).standard_normal((count, vectors.DIMENSIONS)).astype(np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def store(rows: np.ndarray, *, first_pk: int = 1) -> None:
    """Rows stored as the worker stores them (float16), pk first_pk, first_pk + 1, …"""
    SearchVector.objects.bulk_create(
        [
            SearchVector(
                kind=0,
                object_id=first_pk + i,
                model=vectors.MODEL_NAME,
                vector=row.astype(semantic.STORED_DTYPE).tobytes(),
                text_hash="",
            )
            for i, row in enumerate(rows)
        ],
        update_conflicts=True,
        unique_fields=["kind", "object_id"],
        update_fields=["vector"],
    )
    semantic.vectors_changed()


def test_quantised_cosines_are_within_the_tolerance_of_float32_and_an_empty_row_stays_empty():
    rows = np.vstack([unit_rows(2_000, seed=1), np.zeros((1, vectors.DIMENSIONS), dtype=np.float32)])
    queries = unit_rows(20, seed=2)
    codes, scales = semantic.quantised(rows)

    assert codes.dtype == np.int8 and scales.dtype == np.float32
    assert scales[-1] == 0 and not codes[-1].any()
    for query in queries:
        exact = rows @ query
        assert np.abs(semantic.quantised_dot(codes, scales, query) - exact).max() < TOLERANCE


def test_the_nearest_practices_are_in_the_order_float32_gives_them_up_to_near_ties(db):
    # Vectors near each other, as the practices of one theme are: the hard case for the order.
    centre = unit_rows(1, seed=3)[0]
    rows = centre + 0.6 * unit_rows(3_000, seed=4)
    rows /= np.linalg.norm(rows, axis=1, keepdims=True)
    store(rows)
    matrix = semantic.vector_matrix()
    assert len(matrix) == 3_000
    pks = np.arange(1, 3_001, dtype=np.int64)
    stored = rows.astype(semantic.STORED_DTYPE).astype(np.float32)

    for query in unit_rows(10, seed=5) * 0.3 + centre:
        query = (query / np.linalg.norm(query)).astype(np.float32)
        found = semantic.nearest(matrix, query, pks, limit=20, minimum=-1.0)
        exact = stored @ query
        expected = np.lexsort((pks, -exact))[:20] + 1
        assert len(found) == 20
        for (pk, score), expected_pk in zip(found, expected, strict=True):
            # The same practice, or one whose float32 cosine is within the tolerance of it.
            assert pk == expected_pk or abs(exact[pk - 1] - exact[expected_pk - 1]) < 2 * TOLERANCE
            assert abs(score - exact[pk - 1]) < TOLERANCE


def test_a_narrow_filter_finds_what_the_whole_matrix_finds_among_its_practices(db):
    rows = unit_rows(400, seed=6)
    store(rows)
    matrix = semantic.vector_matrix()
    query = rows[7] * 0.5 + rows[8] * 0.5
    allowed = np.arange(1, 401, 10, dtype=np.int64)  # 40 of 400: the rows multiplied alone

    narrow = semantic.nearest(matrix, query, allowed, limit=5, minimum=-1.0)
    matrix.scores(query)  # now kept for every row
    kept = semantic.nearest(matrix, query, allowed, limit=5, minimum=-1.0)

    assert [pk for pk, _ in narrow] == [pk for pk, _ in kept]
    assert narrow[0][0] == 1 + 10 * int(np.argmax(rows[::10] @ query))


def test_a_narrow_filter_searched_again_reuses_its_scores_until_a_vector_changes(db):
    rows = unit_rows(400, seed=10)
    store(rows)
    matrix = semantic.vector_matrix()
    query = rows[20]
    allowed = np.arange(1, 401, 10, dtype=np.int64)  # 40 of 400: the rows multiplied alone
    selected = matrix.rows_of(allowed)

    first = matrix.scores_of_rows(selected, query)
    assert matrix.scores_of_rows(selected, query) is first  # not computed again
    assert matrix.kept_scores(query) is None  # nor the whole matrix's computed for it

    # The worker rewrites practice 11's vector (one of the allowed) as practice 21's, the query's own.
    store(rows[20:21], first_pk=11)
    matrix = semantic.vector_matrix()
    again = matrix.scores_of_rows(selected, query)

    assert again is not first
    assert np.allclose(again, semantic.quantised_dot(matrix.codes[selected], matrix.scales[selected], query))
    assert [pk for pk, _ in semantic.nearest(matrix, query, allowed, limit=2, minimum=0.9)] == [11, 21]


def test_a_query_searched_again_reuses_its_scores_brought_up_to_date_when_vectors_change(db):
    rows = unit_rows(50, seed=7)
    store(rows)
    matrix = semantic.vector_matrix()
    query = rows[3]
    everything = np.arange(1, 52, dtype=np.int64)

    first = semantic.nearest(matrix, query, everything, limit=3, minimum=0.5)
    assert [pk for pk, _ in first] == [4]
    kept = matrix.kept_scores(query)
    assert kept is not None
    assert matrix.scores(query) is kept  # not computed again

    # The worker rewrites practice 10's vector as practice 4's and adds practice 51's: the kept scores
    # are those of the new rows, as if computed afresh.
    store(rows[3:4], first_pk=10)
    store(rows[3:4], first_pk=51)
    matrix = semantic.vector_matrix()
    kept = matrix.kept_scores(query)
    assert kept is not None and len(kept) == 51
    fresh = semantic.quantised_dot(matrix.codes[:51], matrix.scales[:51], query)
    assert np.allclose(kept, fresh, atol=1e-6)
    again = semantic.nearest(matrix, query, everything, limit=3, minimum=0.5)
    assert sorted(pk for pk, _ in again) == [4, 10, 51]


def test_scores_computed_while_the_rows_change_are_not_kept(db):
    rows = unit_rows(20, seed=8)
    store(rows)
    matrix = semantic.vector_matrix()
    query = rows[0]
    generation = matrix.generation

    matrix._put(np.array([21], dtype=np.int64), [(21, rows[1].astype(semantic.STORED_DTYPE).tobytes())])

    assert matrix.generation > generation
    matrix._scores[query.tobytes()] = (generation, np.zeros(20, dtype=np.float32))  # from before the change
    assert matrix.kept_scores(query) is None
    assert len(matrix.scores(query)) == 21


def test_a_rebuilt_matrix_never_takes_scores_kept_before_it(db):
    rows = unit_rows(30, seed=9)
    store(rows)
    matrix = semantic.vector_matrix()
    matrix.scores(rows[0])
    before = matrix.generation

    matrix.refresh(whole=True)

    assert matrix.generation > before  # moved on, never back to a number an old score carries
    assert matrix.kept_scores(rows[0]) is None
    assert len(matrix) == 30


def test_the_query_vector_is_kept_per_text_with_its_case_and_equals_the_models():
    lower = semantic.query_vector("refugees in madrid")
    assert semantic.query_vector("  refugees   in madrid ") is lower  # spaces are nothing to the model
    upper = semantic.query_vector("Refugees in Madrid")

    assert upper is not lower
    assert np.allclose(upper, vectors.embed(["Refugees in Madrid"])[0], atol=1e-6)
    assert np.allclose(lower, vectors.embed(["refugees in madrid"])[0], atol=1e-6)
    assert float(upper @ lower) < 0.99  # the model tells them apart: one must not stand for the other


def test_the_matrix_takes_a_quarter_of_float32s_memory(db):
    store(unit_rows(1_000, seed=10))
    matrix = semantic.vector_matrix()

    assert matrix.codes.nbytes == 1_000 * vectors.DIMENSIONS
    assert matrix.nbytes < 1_000 * vectors.DIMENSIONS * 4 / 3


def test_rows_read_a_chunk_at_a_time_are_the_rows_read_at_once(db, monkeypatch):
    rows = unit_rows(23, seed=11)
    store(rows)
    whole = semantic.vector_matrix()
    semantic.forget_vector_matrices()
    monkeypatch.setattr(semantic, "READ_CHUNK", 5)
    chunked = semantic.vector_matrix()

    assert len(chunked) == 23 and len(chunked.codes) == 23  # room for every row reserved once, not doubled
    pks = np.arange(1, 24, dtype=np.int64)
    assert (chunked.codes[chunked.rows_of(pks)] == whole.codes[whole.rows_of(pks)]).all()
    assert (chunked.scales[chunked.rows_of(pks)] == whole.scales[whole.rows_of(pks)]).all()

    query = unit_rows(1, seed=12)[0]
    before = chunked.scores(query)[chunked.rows_of(pks)].copy()
    store(unit_rows(7, seed=13), first_pk=20)  # four rows written again, three new, read in two chunks
    updated = semantic.vector_matrix()
    assert updated is chunked and len(updated) == 26
    scores = updated.scores(query)[updated.rows_of(np.arange(1, 27, dtype=np.int64))]
    assert np.allclose(scores[:19], before[:19])
    rows_now = np.vstack([rows[:19], unit_rows(7, seed=13)]).astype(semantic.STORED_DTYPE).astype(np.float32)
    assert np.abs(scores - rows_now @ query).max() < TOLERANCE
