"""The order of full-text results, computed in Python from the same figures on both engines.

The engines find what matches (engines.py); the order is decided here, so that SQLite and PostgreSQL
rank the same matches the same way. A document's score is BM25 with weighted fields (the way SQLite
FTS5's bm25() weighs them): for each group of words of the query (a word, a "phrase", or words
joined by OR),

    idf(group) × f × (K1 + 1) / (f + K1 × (1 − B + B × length / average length))

where f is the group's weighted count in the document (each occurrence counts its field's weight,
title > summary > the rest > organisations and places), idf how rare the group is among the published
documents of the kind, and the length the document's number of words. The counts and lengths are
stored with each document (SearchDocument.length and .statistics), so nothing here depends on an
engine's own ranking function: PostgreSQL's ts_rank knows nothing of how rare a word is.

Results come in tiers, each ranked on its own (results.py):

1. HEAD: every group of words in the title or summary;
2. REST: every group somewhere;
3. NEAR: not every group, but most of what is rare in the query: the groups it has weigh at least
   NEAR_SHARE of the idf of the query's groups (only groups that some document has count), and it has
   every quoted word or phrase. A four-word query that one practice matches fully shows that one first, then
   the practices that lack one common word, not that one alone;
4. SOME: when the tiers above hold less than a page (FILL_BELOW), the documents with any of the words
   (and every quoted one) fill it, best first: a query in other words than the practices' finds
   something rather than nothing.

The entry point for other rankings to fuse with (vectors): `lexical_ranking(text, limit)` in results.py,
which returns (document id, score) best first; `rank()` here ranks any set of document ids.
"""

import math
from dataclasses import dataclass
from enum import StrEnum

import numpy as np

from hub.search.query import ParsedQuery

# Weights of title, summary, body and context (organisations, places), in that order.
FIELD_WEIGHTS = (8.0, 4.0, 1.5, 1.0)
K1 = 1.2
B = 0.75
# A near match has groups of words that weigh at least this share of the query's idf.
NEAR_SHARE = 0.5
# Below this many matches and near matches (a page), documents with any of the words fill the page.
FILL_BELOW = 20


class Tier(StrEnum):
    """HEAD first, then REST, then NEAR (see the module's text). Title and summary say what a document
    is about; a word that 80 000 practices mention in passing is in the title or summary of far fewer,
    so a first page rarely needs the second tier."""

    HEAD = "head"
    REST = "rest"
    NEAR = "near"
    SOME = "some"


TIERS = (Tier.HEAD, Tier.REST, Tier.NEAR, Tier.SOME)


@dataclass(frozen=True)
class Collection:
    """What BM25 needs of the documents of a kind as a whole."""

    documents: int
    average_length: float


def idf(document_frequency: int, documents: int) -> float:
    """How rare: 0 for a group in every document, more the fewer have it (Okapi's, never negative)."""
    document_frequency = min(document_frequency, documents)
    return math.log(1 + (documents - document_frequency + 0.5) / (document_frequency + 0.5))


def group_alternatives(parsed: ParsedQuery) -> list[list[tuple[str, ...]]]:
    """For each group of the query, the index term sequences it may be found as (query.Term.alternatives),
    each once: `refugee OR refugees` counts each occurrence of `refugee` once, not twice."""
    return [list(dict.fromkeys(alt for term in group for alt in term.alternatives())) for group in parsed.groups]


def field_counts(statistics: list[str], term: str) -> np.ndarray:
    """How many times the term is in each field of each document (their SearchDocument.statistics):
    one row of len(FIELD_WEIGHTS) counts per document."""
    needle = f" {term}:"
    skip = len(needle)
    found = np.zeros((len(statistics), len(FIELD_WEIGHTS)), dtype=np.float64)
    for row, text in enumerate(statistics):
        at = text.find(needle)
        if at >= 0:
            start = at + skip
            found[row] = [int(n) for n in text[start : text.index(" ", start)].split(",")]
    return found


def rank(rows, parsed: ParsedQuery, idfs: list[float], collection: Collection) -> list[tuple[int, float]]:
    """(document id, score) of the `rows` (id, length, statistics: engines' statistics_of), best first;
    equal scores by id, the latest first. The same rows give the same order on every engine."""
    ids, scores = ranked_figures(ranking_figures(rows, parsed), idfs, collection)
    return list(zip(ids.tolist(), scores.tolist(), strict=True))


def ranking_figures(rows, parsed: ParsedQuery) -> tuple[np.ndarray, np.ndarray]:
    """The ids of the `rows` (id, length, statistics: engines' statistics_of), and for each what the
    score takes of its document: its length, then each group's weighted count in it. These depend on the
    document alone, not on how rare the words are nor on the other documents: a search keeps them.

    A group's weighted count in a document: each occurrence weighs its field's weight; a phrase counts,
    in each field, as many times as its least frequent word (the engine made sure it is there)."""
    size = len(rows)
    ids = np.fromiter((row[0] for row in rows), dtype=np.int64, count=size)
    figures = np.zeros((size, 1 + len(parsed.groups)), dtype=np.float64)
    figures[:, 0] = np.fromiter((row[1] for row in rows), dtype=np.float64, count=size)
    statistics = [row[2] or " " for row in rows]
    weights = np.array(FIELD_WEIGHTS, dtype=np.float64)
    for column, alternatives in enumerate(group_alternatives(parsed), start=1):
        for alternative in alternatives:
            counts = np.minimum.reduce([field_counts(statistics, term) for term in alternative])
            figures[:, column] += counts @ weights
    return ids, figures


def ranked_figures(
    figured: tuple[np.ndarray, np.ndarray], idfs: list[float], collection: Collection
) -> tuple[np.ndarray, np.ndarray]:
    """The ids of ranking_figures best first, and their scores; equal scores by id, the latest first."""
    ids, figures = figured
    norm = K1 * (1 - B + B * figures[:, 0] / (collection.average_length or 1.0))
    scores = np.zeros(len(ids), dtype=np.float64)
    for column, group_idf in zip(range(1, figures.shape[1]), idfs, strict=True):
        found = figures[:, column]
        scores += group_idf * found * (K1 + 1) / (found + norm)
    order = np.lexsort((-ids, -scores))
    return ids[order], scores[order]


def near_matches(members: list[np.ndarray], idfs: list[float], required: list[bool]) -> np.ndarray:
    """Which documents are near matches, as a boolean array over the same documents as `members` (one
    boolean array per group: whether each document has the group): the groups they have weigh at
    least NEAR_SHARE of the idf of the groups some document has, they have every required group (quoted
    words and phrases), and they lack at least one group (the others are the first tiers)."""
    if len(members) < 2:
        return np.zeros(len(members[0]) if members else 0, dtype=bool)
    present = [bool(m.any()) for m in members]
    total = sum(weight for weight, found in zip(idfs, present, strict=True) if found)
    weight = np.zeros(len(members[0]), dtype=np.float64)
    every = np.ones(len(members[0]), dtype=bool)
    needed = np.ones(len(members[0]), dtype=bool)
    for member, group_idf, must in zip(members, idfs, required, strict=True):
        weight += member * group_idf
        every &= member
        if must:
            needed &= member
    return (weight > 0) & (weight >= NEAR_SHARE * total - 1e-9) & needed & ~every


def some_matches(members: list[np.ndarray], required: list[bool]) -> np.ndarray:
    """Documents with any of the groups and every required one (the SOME tier, before taking out the
    tiers above)."""
    if not members:
        return np.zeros(0, dtype=bool)
    found = np.logical_or.reduce(members)
    for member, must in zip(members, required, strict=True):
        if must:
            found &= member
    return found
