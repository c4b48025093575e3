"""The shape of the honest relevance set (hub/search/relevance/honest.json): never its scores."""

import random
from collections import Counter

import pytest

from hub.search.relevance.honest import BM25, load_honest, ndcg_of_keys, reciprocal_rank_fusion

KINDS = {"keyword", "conceptual", "typo", "cross-language"}


@pytest.fixture(scope="module")
def honest():
    return load_honest()


def test_the_set_has_at_least_sixty_practices_in_four_languages(honest):
    practices = honest["practices"]
    assert len(practices) >= 60
    assert len({p["key"] for p in practices}) == len(practices)
    languages = Counter(p["language"] for p in practices)
    assert {"en", "es", "fr", "pt"} <= set(languages)
    assert all(count >= 4 for count in languages.values()), languages


def test_every_practice_has_a_text_and_a_public_source(honest):
    for practice in honest["practices"]:
        assert practice["title"] and practice["summary"] and len(practice["body"]) > len(practice["summary"])
        assert practice["source"].startswith(("http://", "https://")), practice["key"]


def test_the_set_has_at_least_forty_queries_of_every_kind(honest):
    queries = honest["queries"]
    assert len(queries) >= 40
    assert len({q["q"] for q in queries}) == len(queries)
    assert {q["kind"] for q in queries} == KINDS


def test_every_judged_practice_exists_and_every_grade_is_one_or_two(honest):
    keys = {p["key"] for p in honest["practices"]}
    for query in honest["queries"]:
        assert query["judgments"], query["q"]
        assert set(query["judgments"]) <= keys, query["q"]
        assert set(query["judgments"].values()) <= {1, 2}, query["q"]
        assert 2 in query["judgments"].values(), query["q"]


def test_the_halves_are_disjoint_cover_every_query_and_hold_every_kind(honest):
    tuning = {q["q"] for q in honest["queries"] if q["half"] == "tuning"}
    test = {q["q"] for q in honest["queries"] if q["half"] == "test"}
    assert not tuning & test
    assert tuning | test == {q["q"] for q in honest["queries"]}
    for half in ("tuning", "test"):
        assert {q["kind"] for q in honest["queries"] if q["half"] == half} == KINDS


def test_the_halves_are_the_ones_the_recorded_seed_deals(honest):
    """The split is the seeded draw described in the file, not a choice made after seeing results."""
    rng = random.Random(honest["split"]["seed"])
    expected = {}
    for kind in sorted(KINDS):
        texts = sorted(q["q"] for q in honest["queries"] if q["kind"] == kind)
        rng.shuffle(texts)
        expected |= {text: ("tuning" if i % 2 == 0 else "test") for i, text in enumerate(texts)}
    assert {q["q"]: q["half"] for q in honest["queries"]} == expected


def test_ndcg_is_one_for_the_ideal_order_and_zero_without_relevant_results():
    judgments = {"a": 2, "b": 1}
    assert ndcg_of_keys(["a", "b", "c"], judgments) == 1.0
    assert ndcg_of_keys(["b", "a"], judgments) < 1.0
    assert ndcg_of_keys(["c", "d"], judgments) == 0.0


def test_fusion_puts_first_what_both_rankings_rank_high():
    assert reciprocal_rank_fusion(["a", "b", "c"], ["b", "c", "a"])[0] == "b"
    assert reciprocal_rank_fusion(["a"], ["z"]) == ["a", "z"]


def test_bm25_prefers_the_rarer_word_and_ignores_accents():
    bm25 = BM25({"one": "city housing refugees", "two": "city city city plan", "three": "Montréal city"})
    assert bm25.ranking("refugees city")[0] == "one"
    assert bm25.ranking("montreal") == ["three"]
    assert bm25.ranking("nothing") == []
