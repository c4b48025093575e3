"""Corrections for words that are not words: "imigrant" -> "immigrant".

A word is corrected only when neither the index nor a dictionary of English, French, Spanish or
Portuguese knows it (dictionary.py): `español` is a word, and stays one even where the index only
holds the French `espagnol`; an English word that no practice uses is not "corrected" into one that
some practice does. Words inside quotes are never corrected. Candidates come from the vocabulary
table (pg_trgm's trigram index on PostgreSQL, words of a similar length on SQLite); RapidFuzz picks
the closest on both engines, so both suggest the same.
"""

import re

from rapidfuzz import fuzz, process

from hub.search.analysis import stems_in_every_language
from hub.search.dictionary import is_word
from hub.search.engines import get_engine
from hub.search.facet_index import SMALL_ENTRY_BYTES, Memo
from hub.search.models import SearchTerm
from hub.search.query import ParsedQuery

MIN_SIMILARITY = 75  # out of 100; below it a "correction" is a different word
MIN_WORD_LENGTH = 4


def closest_word(word: str, memo: Memo) -> str | None:
    """The word of the vocabulary closest to `word`, if one is close enough (memo: the facet index's,
    which lives as long as the vocabulary)."""
    return memo.get(("closest word", word), lambda: _closest_word(word))


def _closest_word(word: str) -> str | None:
    candidates = [c for c in get_engine().spelling_candidates(word) if c != word]
    if not candidates:
        return None
    best = process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY, limit=5)
    if not best:
        return None
    top = best[0][1]
    tied = [candidate for candidate, score, _ in best if score == top]
    if len(tied) == 1:
        return tied[0]
    # Between equally close words, the one more practices use.
    counts = dict(SearchTerm.objects.filter(word__in=tied).values_list("word", "documents"))
    return max(tied, key=lambda candidate: (counts.get(candidate, 0), candidate))


def is_misspelt(word: str, memo: Memo) -> bool:
    """Neither the index nor a dictionary knows it (short words and numbers are never misspelt). The
    index knows a word that some document has as it is written: `comunity` is not one of them, even
    though its Spanish stem (`comun`) is that of `comunidad`."""
    if len(word) < MIN_WORD_LENGTH or not word.isalpha() or is_word(word):
        return False
    return not memo.get(("indexed word", word), lambda: SearchTerm.objects.filter(word=word).exists())


def corrections(parsed: ParsedQuery, memo: Memo) -> dict[str, str]:
    """{word as typed: correction} for the words of the query that are not words (is_misspelt), outside
    quotes."""
    fixes = {}
    for term in [*parsed.positive_terms(), *parsed.excluded]:
        if term.is_phrase or term.quoted:
            continue
        word = term.words[0]
        if word not in fixes and is_misspelt(word, memo) and (correction := closest_word(word, memo)):
            fixes[word] = correction
    return fixes


RARE_DOCUMENTS = 2  # a word in this few practices may be a misspelling that made it into the index
MORE_COMMON = 4  # ... when a close word is in this many times more
SAME_WORD_SIMILARITY = 90  # and is the same word spelt another way (not balado and basado)


SPELLING_VARIANTS = (("ph", "f"), ("th", "t"), ("y", "i"), ("k", "c"), ("qu", "c"))
DOUBLED_LETTER_RE = re.compile(r"(.)\1+")


def spelling_key(word: str) -> str:
    """The same for a word's spellings across English, French and Spanish: xenophobia, xenofobia."""
    for variant, common in SPELLING_VARIANTS:
        word = word.replace(variant, common)
    return DOUBLED_LETTER_RE.sub(r"\1", word)


def term_frequencies(terms: frozenset[str], memo: Memo) -> dict[str, int]:
    """{index term: in how many published practices} for those of `terms` the index holds (memo: the
    facet index's, since the vocabulary changes with what is published)."""

    def frequencies() -> dict[str, int]:
        found: dict[str, int] = {}
        for term, documents in SearchTerm.objects.filter(term__in=terms).values_list("term", "documents"):
            found[term] = found.get(term, 0) + documents
        return found

    return memo.get(
        ("term documents", terms), frequencies, size=lambda found: SMALL_ENTRY_BYTES + 128 * (len(terms) + len(found))
    )


def word_documents(word: str, memo: Memo) -> int:
    """How many practices have the word in any of its forms (0: the index does not know it)."""
    return sum(term_frequencies(frozenset(stems_in_every_language(word)), memo).values())


def expansions(parsed: ParsedQuery, memo: Memo) -> dict[str, str]:
    """{word: a close, more common word} to look for as well: a rare word (`xenofobia` also finds the
    much more common `xenophobia`), or a misspelt one (is_misspelt) that practices have only under another
    form: `imigrants`, whose Portuguese stem is that of `imigrantes`, also finds `immigrants`."""
    found = {}
    for group in parsed.groups:
        for term in group:
            word = term.words[0]
            # A word of a dictionary is looked for as it is: `espanol` is not also `espagnol`.
            if term.is_phrase or len(word) < MIN_WORD_LENGTH or word.isdigit() or is_word(word):
                continue
            documents = word_documents(word, memo)
            misspelt = documents > 0 and is_misspelt(word, memo)
            if not (0 < documents <= RARE_DOCUMENTS or misspelt):
                continue
            close = closest_word(word, memo)
            if close is None or fuzz.ratio(spelling_key(word), spelling_key(close)) < SAME_WORD_SIMILARITY:
                continue
            if word_documents(close, memo) >= (documents if misspelt else MORE_COMMON * documents):
                found[word] = close
    return found
