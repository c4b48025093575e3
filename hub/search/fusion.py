"""Words and meaning in one ranking: the full text's results fused with the closest practices in meaning.

The full text ranks the practices that have the words (hub/search/results.py); the vectors
(hub/search/semantic.py) rank the published practices that the page's filters keep by closeness of
meaning to the query, and only those close enough (MIN_SIMILARITY) count. The two lists are fused by
reciprocal rank fusion: a practice scores weight / (k + its rank) in each list it is in, so one near
the top of both comes first, and one found by only one of them can still come high. A full-text result
weighs what its tier says of it (TIER_WEIGHTS): one with every word of the query is good evidence, a
near match (most of the rare words) less, one with any of the words (the fill of a page, ranking.Tier)
little, for it is there because nothing better was. Past the first FULLTEXT_DEPTH full-text results
the full text's own order goes on. The practices found by meaning
alone join the count and the facet counts of the page.

Then the meaning is asked again, with what the first fusion found (pseudo-relevance feedback, as
Rocchio's): the vector of the first result is added to the query's, and the practices closest to
their mean are a third list, fused with the other two. The first result says what the query means in
the practices' own words and language: "patrocinio comunitario de refugiados" is near one English
sponsorship scheme, that scheme is near the others, which the Spanish words alone were not. The
feedback looks among the FEEDBACK_POOL practices closest to the query (their scores are already
computed): at 100 000 practices, a product of 2 000 rows, not a second product of the whole matrix.

A query with a quoted phrase or an excluded word (-word) says exactly what it wants: it is full text
alone. So is every search while no vector exists (no worker has run yet).

The numbers were tuned on the tuning half of the honest relevance set only (bench/relevance.py --tune).
"""

import re
from typing import NamedTuple

import numpy as np

from hub.search import semantic
from hub.search.analysis import WORD_RE, normalize

FULLTEXT_DEPTH = 50  # the full text's first results that are fused; the rest follow in its order
# Tuned on the tuning half (bench/relevance.py --tune), after the BM25 rewrite, the function words of
# five languages, compounds and corrections read by the model (issue 14): the best there were k = 2,
# a weight of 0.75 for meaning, a threshold of 0.2, 10 practices by meaning, and a near match's rank
# worth half a full match's (0.8926 on the tuning half, against 0.837 with the settings before).
MEANING_DEPTH = 10  # at most this many practices are taken by meaning
MIN_SIMILARITY = 0.2  # the cosine under which a practice is not close enough in meaning to be shown
RRF_K = 2.0
FULLTEXT_WEIGHT = 1.0
MEANING_WEIGHT = 0.75
# What a full-text result's rank is worth in the fusion, by its tier (ranking.Tier), times FULLTEXT_WEIGHT:
# a near match (most of the rare words, not all) half. The fill of a page (any of the words) tuned no
# lower: a query in other words than the practices' (`learning the language while cooking`) is the
# case the vectors are for, and the fill comes after the near matches in any case.
TIER_WEIGHTS = {"head": 1.0, "rest": 1.0, "near": 0.5, "some": 1.0}
# The feedback (pseudo-relevance feedback), tuned on the tuning half with the settings above kept:
# the first result alone (1: 0.916 on the tuning half, 2: 0.908, 3: 0.905, 5: 0.89, none: 0.893; the
# demo set 0.964, 0.963, 0.962, 0.962 and 0.952), its list weighing as much as the meaning's.
FEEDBACK_DEPTH = 1  # the first results of the first fusion whose vectors are added to the query's
FEEDBACK_WEIGHT = 0.75
FEEDBACK_POOL = 2_000  # the practices closest to the query among which the feedback looks

_OPERATORS = re.compile(r'"|(?:^|\s)OR(?=\s)|(?:^|\s)-\S+')


def meaning_text(text: str, fixes: dict[str, str] | None = None) -> str:
    """The query as the model reads it: its words, without the query language's quotes and OR; fixes:
    {misspelt word, as analysis.words gives it: its correction} (spelling.py), put in its place."""
    text = " ".join(_OPERATORS.sub(" ", text).split())
    if fixes:
        text = WORD_RE.sub(lambda m: fixes.get(normalize(m.group()), m.group()), text)
    return text


def wants_meaning(text: str, parsed) -> bool:
    """Not for a query in quotes or with an excluded word (a hyphenated word is no phrase here)."""
    return not (parsed.is_empty or '"' in text or parsed.excluded)


class Meaning(NamedTuple):
    ids: list[int]  # the allowed practices closest in meaning to the query, closest first
    vector: np.ndarray | None  # the query's
    neighbourhood: np.ndarray  # the FEEDBACK_POOL allowed practices closest to the query, in no order


def meaning_ids(
    text: str,
    allowed_pks: np.ndarray,
    *,
    limit: int = MEANING_DEPTH,
    minimum: float = MIN_SIMILARITY,
    fixes: dict[str, str] | None = None,
    pool: int = FEEDBACK_POOL,
) -> Meaning:
    """The allowed practices closest in meaning to the query, with the query's vector and the
    neighbourhood where the feedback looks (feedback_ids); nothing when no vector exists."""
    matrix = semantic.vector_matrix(semantic.practices_kind().number)
    words = meaning_text(text, fixes)
    if not len(matrix) or not words:
        return Meaning([], None, np.zeros(0, dtype=np.int64))
    vector = semantic.query_vector(words)
    pks, scores = semantic.allowed_scores(matrix, vector, allowed_pks)
    found = semantic.closest(pks, scores, limit=limit, minimum=minimum)
    return Meaning([pk for pk, _score in found], vector, semantic.neighbourhood(pks, scores, size=pool))


def feedback_vector(vector: np.ndarray, first: list[int], *, depth: int = FEEDBACK_DEPTH) -> np.ndarray | None:
    """The query's vector moved towards what the first fusion found: the mean of the query's vector
    and that of its first `depth` results that have one (normalised); None when none has."""
    matrix = semantic.vector_matrix(semantic.practices_kind().number)
    found = [own for own in (matrix.vector_of(pk) for pk in first[:depth]) if own is not None]
    if not found:
        return None
    unit = [row / np.linalg.norm(row) for row in (np.asarray(vector, dtype=np.float32), np.mean(found, axis=0))]
    moved = unit[0] + unit[1]
    return (moved / np.linalg.norm(moved)).astype(np.float32)


def feedback_ids(
    meaning: Meaning,
    first: list[int],
    *,
    limit: int = MEANING_DEPTH,
    minimum: float = MIN_SIMILARITY,
    depth: int = FEEDBACK_DEPTH,
) -> list[int]:
    """The practices of the meaning's neighbourhood closest to the feedback vector (feedback_vector of
    the query's and the `first` fused results'), closest first."""
    moved = feedback_vector(meaning.vector, first, depth=depth) if meaning.ids else None
    if moved is None:
        return []
    matrix = semantic.vector_matrix(semantic.practices_kind().number)
    return [pk for pk, _score in semantic.nearest(matrix, moved, meaning.neighbourhood, limit=limit, minimum=minimum)]


def fused_head(
    fulltext: list[tuple[int, str]],
    meaning: list[int],
    feedback: list[int] = (),
    *,
    k: float = RRF_K,
    weights: tuple[float, float] = (FULLTEXT_WEIGHT, MEANING_WEIGHT),
    feedback_weight: float = FEEDBACK_WEIGHT,
    tier_weights: dict[str, float] = TIER_WEIGHTS,
) -> list[int]:
    """The first results of the page: the full text's first FULLTEXT_DEPTH, (id, tier) best first, the
    meaning's ids and the feedback's, fused; ties keep the full text's order."""
    scores: dict[int, float] = {}
    for rank, (pk, tier) in enumerate(fulltext[:FULLTEXT_DEPTH], start=1):
        scores[pk] = weights[0] * tier_weights[tier] / (k + rank)
    for ranking, weight in ((meaning, weights[1]), (feedback, feedback_weight)):
        for rank, pk in enumerate(ranking, start=1):
            scores[pk] = scores.get(pk, 0.0) + weight / (k + rank)
    first_seen = {pk: n for n, pk in enumerate(scores)}
    return sorted(scores, key=lambda pk: (-scores[pk], first_seen[pk]))


class FusedResults:
    """The fused ranking, a page at a time (what Django's Paginator needs): the fused head, then the
    full text's results past FULLTEXT_DEPTH that are not in it, in the full text's order.

    `fulltext` is the full text's own ranking (results.RankedResults): `len()`, `ids(start, stop)` and
    `tiered(start, stop)`, the (id, tier) of each."""

    def __init__(self, fulltext, meaning: list[int], count: int, load, feedback: list[int] = (), fulltext_head=None):
        self.fulltext = fulltext
        self.count = count
        self.load = load  # ids -> the published practices in that order
        if fulltext_head is None:  # the full text's first (id, tier), unless already ranked
            fulltext_head = fulltext.tiered(0, min(FULLTEXT_DEPTH, len(fulltext)))
        self.head = fused_head(fulltext_head, meaning, feedback)
        self._in_head = set(self.head)
        # Practices found by meaning (or the feedback) that are also full-text results past
        # FULLTEXT_DEPTH: in the head, so left out of the tail.
        meaning_only = count - len(fulltext)
        self._tail_skips = len(self.head) - min(FULLTEXT_DEPTH, len(fulltext)) - meaning_only

    def __len__(self) -> int:
        return self.count

    def ids(self, start: int, stop: int) -> list[int]:
        stop = min(stop, self.count)
        ids = self.head[start:stop]
        if stop > len(self.head):
            tail_start, tail_stop = max(start - len(self.head), 0), stop - len(self.head)
            fetched = self.fulltext.ids(FULLTEXT_DEPTH, FULLTEXT_DEPTH + tail_stop + max(self._tail_skips, 0))
            ids += [pk for pk in fetched if pk not in self._in_head][tail_start:tail_stop]
        return ids

    def __getitem__(self, page: slice) -> list:
        return self.load(self.ids(page.start or 0, page.stop if page.stop is not None else self.count))
