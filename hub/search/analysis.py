"""How text becomes index terms, the same for both engines.

Text is case-folded and stripped of accents (Montréal and Montreal are one word), cut into
words, and each word becomes one term: its Snowball stem in the language of the practice.
A query word, whose language nobody knows, is looked up under its stem in every language
(see query.py), so `refugiados` finds a Spanish practice that says `refugiado` and `refugees`
an English one that says `refugee`, while positions stay one term a word for phrases.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

# The languages of the site, with the Snowball algorithm for each.
STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "ar": "arabic"}
DEFAULT_LANGUAGE = "en"
WORD_RE = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60  # longer "words" are base64, URLs run together, or an attack on the index


@lru_cache(maxsize=len(STEMMERS))
def _stemmer(language: str):
    return Stemmer.Stemmer(STEMMERS.get(language, STEMMERS[DEFAULT_LANGUAGE]))


def normalize(text: str) -> str:
    """Case-folded, without accents: "Maipú" -> "maipu"."""
    if text.isascii():  # most text: nothing to strip, and a character-by-character pass is slow
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return [word for word in WORD_RE.findall(normalize(text)) if len(word) <= MAX_WORD_LENGTH]


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


def stems_in_every_language(word: str) -> tuple[str, ...]:
    """The terms a query word may have been indexed under, most common language first, without repeats."""
    return tuple(dict.fromkeys(stem(word, language) for language in STEMMERS))


_STEMS: dict[str, dict[str, str]] = {language: {} for language in STEMMERS}
MAX_CACHED_STEMS = 500_000  # per language; a rebuild meets every word of the repository


def terms(text: str, language: str) -> tuple[list[str], list[str]]:
    """The words of a text and the term of each, in order."""
    if language not in STEMMERS:
        language = DEFAULT_LANGUAGE
    found = words(text)
    cache = _STEMS[language]
    missing = [word for word in set(found) if word not in cache]
    if missing:
        if len(cache) > MAX_CACHED_STEMS:
            cache.clear()
        cache.update(zip(missing, _stemmer(language).stemWords(missing), strict=True))
    return found, [cache[word] for word in found]
