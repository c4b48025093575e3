"""Which words are real words, and of which language: the word lists of English, French, Spanish and
Portuguese that the `pyspellchecker` package ships (pinned in requirements.txt; files of the package,
nothing downloaded).

Two uses: "Did you mean …" never touches a word that a dictionary knows (spelling.py), and a word of
another language than the practice's is stemmed in its own language (analysis.py): `refugiadas` in a
practice declared English is stemmed as Spanish.

Each list is held as a sorted array of the 64-bit hashes of its words, case-folded and without accents
(as the index holds words): 6 MB for the four, where sets of strings would take 80 MB in every
process. Two words sharing a hash would make a misspelling pass for a word one time in 2**64 / 800 000.
Loaded on first use (about 3 s), then kept for the life of the process; gunicorn loads them before it
starts its web processes (hub/search/warmup.py), which then share them.
"""

import gzip
import json
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

# The languages with a word list, in the order a word of none of the practice's language is looked
# up in (the site's languages first).
LANGUAGES = ("en", "fr", "es", "pt")

_lock = threading.Lock()
_hashes: dict[str, np.ndarray] = {}


def _hash(word: str) -> int:
    # Python's own string hash: salted per process, which does not matter to arrays built in the process.
    return hash(word)


def _resources() -> Path:
    import spellchecker

    return Path(spellchecker.__file__).parent / "resources"


def _load(language: str) -> np.ndarray:
    from hub.search.analysis import normalize

    with gzip.open(_resources() / f"{language}.json.gz", "rt", encoding="utf-8") as file:
        listed = json.load(file)
    # All the words as one text: normalised in one pass, not 400 000 (seconds for Portuguese).
    folded = set(normalize("\n".join(listed)).split("\n"))
    return np.unique(np.fromiter((_hash(word) for word in folded), dtype=np.int64, count=len(folded)))


def _list(language: str) -> np.ndarray:
    if language not in _hashes:
        with _lock:
            if language not in _hashes:
                _hashes[language] = _load(language)
    return _hashes[language]


def load() -> None:
    """Every word list, now rather than at the first search that needs it."""
    for language in LANGUAGES:
        _list(language)


def _contains(hashes: np.ndarray, value: int) -> bool:
    at = int(np.searchsorted(hashes, np.int64(value)))
    return at < len(hashes) and int(hashes[at]) == value


@lru_cache(maxsize=100_000)
def languages_of(word: str) -> tuple[str, ...]:
    """The languages whose word list has this word (normalised: analysis.normalize), in LANGUAGES order."""
    value = _hash(word)
    return tuple(language for language in LANGUAGES if _contains(_list(language), value))


def is_word(word: str) -> bool:
    return bool(languages_of(word))
