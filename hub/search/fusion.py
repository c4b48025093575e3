"""Words and meaning in one ranking: the full text's results fused with the closest practices in meaning.

The full text ranks the practices that have the words (hub/search/results.py); the vectors
(hub/search/semantic.py) rank the published practices that the page's filters keep by closeness of
meaning to the query, and only those close enough (MIN_SIMILARITY) count. The two lists are fused by
reciprocal rank fusion: a practice scores weight / (k + its rank) in each list it is in, so one near
the top of both comes first, and one found by only one of them can still come high. Past the first
FULLTEXT_DEPTH full-text results the full text's own order goes on. The practices found by meaning
alone join the count and the facet counts of the page.

A query with a quoted phrase or an excluded word (-word) says exactly what it wants: it is full text
alone. So is every search while no vector exists (no worker has run yet).

The numbers were tuned on the tuning half of the honest relevance set only (bench/relevance.py --tune).
"""

import re

import numpy as np

from hub.search import semantic

FULLTEXT_DEPTH = 50  # the full text's first results that are fused; the rest follow in its order
# Tuned on the tuning half (bench/relevance.py --tune): k = 5, a weight of 1.5 for meaning and a
# threshold of 0.15 were best there; of the depths within 0.001 of the best, the smallest, so that a
# search adds at most 10 practices by meaning to its count rather than 30 barely related ones.
MEANING_DEPTH = 10  # at most this many practices are taken by meaning
MIN_SIMILARITY = 0.15  # the cosine under which a practice is not close enough in meaning to be shown
RRF_K = 5.0
FULLTEXT_WEIGHT = 1.0
MEANING_WEIGHT = 1.5

_OPERATORS = re.compile(r'"|(?:^|\s)OR(?=\s)|(?:^|\s)-\S+')


def meaning_text(text: str) -> str:
    """The query as the model reads it: its words, without the query language's quotes and OR."""
    return " ".join(_OPERATORS.sub(" ", text).split())


def wants_meaning(text: str, parsed) -> bool:
    """Not for a query in quotes or with an excluded word (a hyphenated word is no phrase here)."""
    return not (parsed.is_empty or '"' in text or parsed.excluded)


def meaning_ids(text: str, allowed_pks: np.ndarray, *, limit: int = MEANING_DEPTH, minimum: float = MIN_SIMILARITY):
    """The allowed practices closest in meaning to the query, closest first; [] when no vector exists."""
    matrix = semantic.vector_matrix(semantic.practices_kind().number)
    words = meaning_text(text)
    if not len(matrix) or not words:
        return []
    found = semantic.nearest(matrix, semantic.query_vector(words), allowed_pks, limit=limit, minimum=minimum)
    return [pk for pk, _score in found]


def fused_head(
    fulltext_ids: list[int],
    meaning: list[int],
    *,
    k: float = RRF_K,
    weights: tuple[float, float] = (FULLTEXT_WEIGHT, MEANING_WEIGHT),
) -> list[int]:
    """The first results of the page: the full text's first FULLTEXT_DEPTH and the meaning's, fused."""
    return semantic.reciprocal_rank_fusion([fulltext_ids[:FULLTEXT_DEPTH], meaning], list(weights), k)


class FusedResults:
    """The fused ranking, a page at a time (what Django's Paginator needs): the fused head, then the
    full text's results past FULLTEXT_DEPTH that are not in it, in the full text's order.

    `fulltext` is the full text's own ranking (results.RankedResults): `len()` and `ids(start, stop)`."""

    def __init__(self, fulltext, meaning: list[int], count: int, load):
        self.fulltext = fulltext
        self.count = count
        self.load = load  # ids -> the published practices in that order
        self.head = fused_head(fulltext.ids(0, min(FULLTEXT_DEPTH, len(fulltext))), meaning)
        self._in_head = set(self.head)
        # Practices found by meaning that are also full-text results past FULLTEXT_DEPTH: in the head,
        # so left out of the tail.
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
