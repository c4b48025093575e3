"""Which of the site's languages a text is written in, guessed for its author to confirm.

py3langid (langid.py's naive Bayes over byte n-grams, the model inside the package, numpy only):
restricted to the languages the site is translated into, so a short French text is not called
Walloon. Loading the model takes a second or more (it is unpacked once per process, on the first
guess); a guess then takes well under a millisecond.
"""

import threading

from django.conf import settings

# Below this, a guess is a coin toss: no guess ("Dallas" reads as Spanish as well as English).
MIN_CHARACTERS = 40
MIN_CONFIDENCE = 0.9

_lock = threading.Lock()
_identifier = None


def _loaded():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                identifier.set_languages([code for code, _name in settings.TRANSLATED_LANGUAGES])
                _identifier = identifier
    return _identifier


def guess_language(text: str) -> str | None:
    """The code of the site's language `text` is most probably written in, or None when unsure."""
    text = " ".join(text.split())
    if len(text) < MIN_CHARACTERS:
        return None
    language, confidence = _loaded().classify(text)
    return language if confidence >= MIN_CONFIDENCE else None
