"""Telling whether two practices are the same one, fast enough for 10 000 against 100 000.

Only the same title (folded: no case, accents, punctuation or quote style) makes two records the
same practice, and then only if their places, periods and organisations do not tell them apart
(`conflicts`). Everything else that looks alike (the same summary, titles that differ by a number
or a word) is a near match: scored by rapidfuzz against the few practices that share the query's
rarest title words, never against all, and imported as a possible duplicate for a moderator.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz, process

from hub.places.gazetteer import fold

# Scores at which two practices are taken for one told twice (see near_score).
NEAR_SCORE = 90
NEAR_SUMMARY_SCORE = 85
NEAR_MEAN_SCORE = 80
# Only practices sharing one of the query's rarest words are scored: few, and the likely ones.
RAREST_WORDS = 3
MAX_CANDIDATES = 500
SUMMARY_PREFIX = 240
_STOP = {
    "a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "at", "from", "de", "la", "el", "les",
    "des", "du", "et", "y", "en", "del", "le",
}  # fmt: skip


def fingerprint(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", fold(text).replace("_", " ")).split())


def summary_fingerprint(text: str) -> str:
    return fingerprint(text)[:SUMMARY_PREFIX]


@dataclass
class Match:
    key: object
    score: float
    exact: bool


def _significant(title_print: str) -> set[str]:
    return set(title_print.split()) - _STOP


def near_score(title_a: str, summary_a: str, title_b: str, summary_b: str) -> float:
    """How surely two fingerprinted practices are one, 0–100: the same words in the title in another
    order, one title inside the other ("Voices of Venezuela" in "Voices of Venezuela: Animated
    Guides…"), or the same summary reworded."""
    sort = fuzz.token_sort_ratio(title_a, title_b)
    contained = fuzz.token_set_ratio(title_a, title_b)
    if min(len(_significant(title_a)), len(_significant(title_b))) < 2:
        contained = min(contained, sort)
    summary = fuzz.token_set_ratio(summary_a, summary_b) if summary_a and summary_b else 0
    return max(sort, contained, summary * 90 / NEAR_SUMMARY_SCORE, (contained + summary) / 2 * 90 / NEAR_MEAN_SCORE)


class DuplicateIndex:
    """Practices (or records) by key, searchable by title and summary."""

    def __init__(self):
        self.by_title: dict[str, object] = {}
        self.by_summary: dict[str, object] = {}
        self.titles: dict[object, str] = {}
        self.summaries: dict[object, str] = {}
        self.postings: dict[str, list] = defaultdict(list)

    def __len__(self):
        return len(self.titles)

    def add(self, key, title: str, summary: str) -> None:
        title_print = fingerprint(title)
        summary_print = summary_fingerprint(summary)
        self.by_title.setdefault(title_print, key)
        if len(summary_print) >= 40:
            self.by_summary.setdefault(summary_print, key)
        self.titles[key] = title_print
        self.summaries[key] = summary_print
        for word in _significant(title_print):
            self.postings[word].append(key)

    def find(self, title: str, summary: str) -> Match | None:
        title_print = fingerprint(title)
        summary_print = summary_fingerprint(summary)
        if (key := self.by_title.get(title_print)) is not None:
            return Match(key, 100.0, True)
        # The same summary under another title: formulaic records share one ("Language classes for
        # refugees in Lyon #1", "#2"…), so it is only a likeness, never the same practice.
        if (key := self.by_summary.get(summary_print)) is not None:
            return Match(key, 99.0, False)
        words = sorted(_significant(title_print), key=lambda w: len(self.postings.get(w, ())))
        candidates: dict = {}
        for word in words[:RAREST_WORDS]:
            for key in self.postings.get(word, ())[:MAX_CANDIDATES]:
                candidates[key] = self.titles[key]
            if len(candidates) >= MAX_CANDIDATES:
                break
        if not candidates:
            return None
        best: Match | None = None
        # The titles closest in words first; only those get the dearer comparison of summaries.
        for _, _, key in process.extract(title_print, candidates, scorer=fuzz.token_set_ratio, limit=5):
            score = near_score(title_print, summary_print, self.titles[key], self.summaries[key])
            if score >= NEAR_SCORE and (best is None or score > best.score):
                best = Match(key, round(min(score, 99.9), 1), False)
        return best


@dataclass(frozen=True)
class Traits:
    """What tells two practices with one title apart: where, when and by whom."""

    places: frozenset = field(default_factory=frozenset)  # (folded name or "" for a country, country code)
    start: date | None = None
    end: date | None = None
    organisation: str = ""

    @classmethod
    def of(cls, *, places=(), start=None, end=None, organisation: str = "") -> "Traits":
        """`places` as (name, country, kind) triples; a country's own name counts as no name."""
        folded = frozenset(
            ("" if kind == "country" or not name else fingerprint(name), (country or "").upper())
            for name, country, kind in places
        )
        return cls(folded, start, end, fingerprint(organisation or ""))


def _years_differ(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and a.year != b.year


def conflicts(a: Traits, b: Traits) -> bool:
    """Whether two records with the same title are told apart by what both say: different countries,
    different cities of one country, start or end years, or organisations. What only one says never
    conflicts: a listing that leaves out the place is the same practice told more briefly."""
    if a.places and b.places:
        if not {c for _n, c in a.places} & {c for _n, c in b.places}:
            return True
        cities_a, cities_b = {p for p in a.places if p[0]}, {p for p in b.places if p[0]}
        if cities_a and cities_b and not cities_a & cities_b:
            return True
    if _years_differ(a.start, b.start) or _years_differ(a.end, b.end):
        return True
    return bool(
        a.organisation
        and b.organisation
        and a.organisation not in b.organisation
        and b.organisation not in a.organisation
    )


# ---------------------------------------------------------------- a practice being submitted

# A submitted practice this close (near_score) to a published or queued one is shown to its submitter
# as a possible duplicate before it is sent. Lower than NEAR_SCORE: the submitter decides, not us.
SUBMIT_WARNING_SCORE = 80
SUBMIT_CANDIDATES = 20


def submission_duplicates(title: str, summary: str, *, limit: int = 3) -> list[tuple]:
    """Published or queued practices that a practice with this title and summary very likely repeats:
    [(practice, score)], closest first.

    Scored with rapidfuzz (near_score, as imports are) against few candidates: the full text's first
    results for the title (published), and the practices, published or waiting in the queue, whose
    title holds one of its two longest words. The new text has no vector yet (the queue computes it
    once saved), and computing one here would cost 15 to 30 ms a submit (docs/search.md)."""
    from hub.practices.models import Practice
    from hub.search.results import search_practices

    title_print, summary_print = fingerprint(title), summary_fingerprint(summary)
    if not title_print:
        return []
    candidates: dict[int, Practice] = {}
    search = search_practices(title, meaning=False)
    if search.executed is not None:
        for practice in search.results()[:SUBMIT_CANDIDATES]:
            candidates[practice.pk] = practice
    visible = Practice.objects.filter(
        merged_into=None, status__in=[Practice.Status.PUBLISHED, Practice.Status.SUBMITTED]
    ).only("pk", "slug", "title", "summary", "status")
    for word in sorted(set(title_print.split()) - _STOP, key=len, reverse=True)[:2]:
        for practice in visible.filter(title__icontains=word)[:MAX_CANDIDATES]:
            candidates.setdefault(practice.pk, practice)
    scored = []
    for practice in candidates.values():
        if not (practice.is_published or practice.status == Practice.Status.SUBMITTED):
            continue
        score = near_score(
            title_print, summary_print, fingerprint(practice.title), summary_fingerprint(practice.summary)
        )
        if score >= SUBMIT_WARNING_SCORE:
            scored.append((practice, round(min(score, 100), 1)))
    scored.sort(key=lambda pair: (-pair[1], pair[0].pk))
    return scored[:limit]
