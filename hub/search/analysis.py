"""How text becomes index terms, the same for both engines.

Text is case-folded and stripped of accents (Montréal and Montreal are one word), cut into
words, and each word becomes one term: its Snowball stem in its own language. That is the language
of the practice, unless the word is not a word of that language but is one of another (the word
lists of dictionary.py): `refugiadas` in a practice declared English is stemmed as Spanish, `acolhimento`
as Portuguese, whatever the practice says. A few spellings are made one before stemming
(`programme` and `program`, `centre` and `center`, `-isation` and `-ization`, `rumour` and `rumor`).
A query word, whose language nobody knows, is looked up under its stem in every language
(see query.py), so `refugiados` finds a Spanish practice that says `refugiado` and `refugees`
an English one that says `refugee`, while positions stay one term a word for phrases.
"""

import re
import unicodedata
from functools import lru_cache

import Stemmer

from hub.search import dictionary

# The languages of practices, with the Snowball algorithm for each.
STEMMERS = {"en": "english", "fr": "french", "es": "spanish", "pt": "portuguese", "ar": "arabic"}
DEFAULT_LANGUAGE = "en"
WORD_RE = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60  # longer "words" are base64, URLs run together, or an attack on the index


@lru_cache(maxsize=len(STEMMERS))
def _stemmer(language: str):
    return Stemmer.Stemmer(STEMMERS.get(language, STEMMERS[DEFAULT_LANGUAGE]))


def _combining_characters() -> re.Pattern:
    """Every combining mark of the Basic Multilingual Plane (accents, Arabic vowel signs), as one
    character class: one regular expression over a text, not a Python test per character."""
    marks = [chr(code) for code in range(0x10000) if unicodedata.combining(chr(code))]
    return re.compile("[" + "".join(re.escape(mark) for mark in marks) + "]")


COMBINING_RE = _combining_characters()


def normalize(text: str) -> str:
    """Case-folded, without accents: "Maipú" -> "maipu"."""
    if text.isascii():  # most text: nothing to strip, and a character-by-character pass is slow
        return text.lower()
    return COMBINING_RE.sub("", unicodedata.normalize("NFKD", text.casefold()))


def words(text: str) -> list[str]:
    return [word for word in WORD_RE.findall(normalize(text)) if len(word) <= MAX_WORD_LENGTH]


# Spellings of one word that the stemmers keep apart: British and American English, and the French
# `programme` that English also writes.
SPELLINGS = {"programme": "program", "programmes": "programs", "centre": "center", "centres": "centers"}
ISATION_RE = re.compile(r"isation(s?)$")
# British -our, American -or, in these words and every word that holds one (neighbourhood, antirumour,
# labourers): a list, not a rule, for `tour`, `four`, `pour` and `jour` are other words. The -or
# form is also the Spanish, Portuguese and French one (rumor, labor, humor, vapor).
OUR_RE = re.compile(
    r"(arbo|armo|behavio|cando|clamo|colo|endeavo|favo|fervo|flavo|harbo|hono|humo|labo|neighbo|odo|parlo"
    r"|rigo|rumo|savio|savo|splendo|tumo|valo|vapo|vigo)ur"
)


def one_spelling(word: str) -> str:
    if word in SPELLINGS:
        return SPELLINGS[word]
    if "our" in word:
        word = OUR_RE.sub(r"\1r", word)
    return ISATION_RE.sub(r"ization\1", word) if word.endswith(("isation", "isations")) else word


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(one_spelling(word))


def language_of(word: str, declared: str) -> str:
    """The language a word of a text declared in `declared` is stemmed in: the declared one, unless
    only another language's word list has it."""
    if declared == "ar" or not word.isascii():  # Arabic script: no word list
        return declared
    found = dictionary.languages_of(word)
    if not found or declared in found:
        return declared
    return found[0]


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
        for word in missing:
            cache[word] = stem(word, language_of(word, language))
    return found, [cache[word] for word in found]
