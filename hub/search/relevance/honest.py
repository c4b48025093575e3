"""The honest relevance set (honest.json, see README.md): practices nobody here wrote, queries judged
before any search ran. Loads it through the real submit and publish services, and scores rankings.

Scores are never asserted in tests (test_relevance_set.py checks the file's shape): bench/relevance.py
measures them.
"""

import json
import math
from collections import Counter
from pathlib import Path

from hub.search.analysis import words
from hub.search.relevance import CUTOFF, dcg

HONEST = Path(__file__).with_name("honest.json")
HALVES = ("tuning", "test")


def load_honest() -> dict:
    return json.loads(HONEST.read_text())


def practice_text(practice: dict) -> str:
    """What vectors and the BM25 baseline see of a practice: the fields the set gives it."""
    return "\n".join((practice["title"], practice["summary"], practice["body"]))


def ndcg_of_keys(ranked_keys: list[str], judgments: dict[str, int]) -> float:
    ideal = dcg(sorted(judgments.values(), reverse=True))
    return dcg([judgments.get(key, 0) for key in ranked_keys[:CUTOFF]]) / ideal if ideal else 0.0


def reciprocal_rank_fusion(*rankings: list[str], k: int = 60) -> list[str]:
    """One list from several rankings: each item scores the sum of 1 / (k + rank) over the lists."""
    scores: Counter = Counter()
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            scores[key] += 1 / (k + rank)
    return [key for key, _ in sorted(scores.items(), key=lambda item: (-item[1], item[0]))]


class BM25:
    """Okapi BM25 over case-folded, accent-less words (no stemming): the plain baseline of issue 14."""

    def __init__(self, documents: dict[str, str], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.terms = {key: Counter(words(text)) for key, text in documents.items()}
        self.lengths = {key: sum(counts.values()) for key, counts in self.terms.items()}
        self.average = sum(self.lengths.values()) / len(self.lengths)
        frequency = Counter(term for counts in self.terms.values() for term in counts)
        total = len(documents)
        self.idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequency.items()}

    def ranking(self, query: str) -> list[str]:
        query_terms = [term for term in dict.fromkeys(words(query)) if term in self.idf]
        scores = {}
        for key, counts in self.terms.items():
            norm = self.k1 * (1 - self.b + self.b * self.lengths[key] / self.average)
            score = sum(
                self.idf[term] * counts[term] * (self.k1 + 1) / (counts[term] + norm)
                for term in query_terms
                if counts[term]
            )
            if score > 0:
                scores[key] = score
        return sorted(scores, key=lambda key: (-scores[key], key))


def summarise(per_query: dict[str, float], queries: list[dict]) -> dict:
    """Mean nDCG@10 over all queries, each half and each kind of query."""

    def mean(selected: list[dict]) -> float | None:
        return round(sum(per_query[q["q"]] for q in selected) / len(selected), 3) if selected else None

    result = {"all": mean(queries)}
    for half in HALVES:
        result[half] = mean([q for q in queries if q["half"] == half])
    for kind in sorted({q["kind"] for q in queries}):
        result[kind] = mean([q for q in queries if q["kind"] == kind])
        for half in HALVES:
            result[f"{kind}/{half}"] = mean([q for q in queries if q["kind"] == kind and q["half"] == half])
    return result
