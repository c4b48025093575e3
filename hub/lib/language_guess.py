"""Which of the site's languages a text is written in, guessed for its author to confirm.

py3langid (langid.py's naive Bayes over byte n-grams, the model inside the package, numpy only):
restricted to the languages the site is translated into, so a short French text is not called
Walloon. A guess takes well under a millisecond, but the model takes seconds to unpack (3 to 4 s on
our two shared cores, 65 MB in memory): each process loads it in the background when the submit form
is first shown (`start_loading`), while the submitter writes, and a form sent before it is ready
waits a moment for it, then goes without a guess rather than keep the submitter waiting.
"""

import logging
import threading

from django.conf import settings

# Below this, a guess is a coin toss: no guess ("Dallas" reads as Spanish as well as English).
MIN_CHARACTERS = 40
MIN_CONFIDENCE = 0.9
# How long a sent form waits for a model still loading.
LOAD_WAIT_SECONDS = 2.0

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_ready = threading.Event()
_loader: threading.Thread | None = None
_identifier = None


def load() -> None:
    """Load the model now, in this thread (what the background loader runs; tests call it)."""
    global _identifier
    with _lock:
        if _identifier is not None:
            return
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        identifier.set_languages([code for code, _name in settings.TRANSLATED_LANGUAGES])
        _identifier = identifier
        _ready.set()


def _load_in_background() -> None:
    try:
        load()
    except Exception:  # a guess is a convenience: without the model, forms go without one
        logger.exception("The language model could not be loaded.")


def start_loading() -> None:
    """Start loading the model in the background, once per process; returns at once."""
    global _loader
    if _ready.is_set() or _loader is not None:
        return
    with _lock:
        if _loader is None and _identifier is None:
            _loader = threading.Thread(target=_load_in_background, name="language-model", daemon=True)
            _loader.start()


def guess_language(text: str, *, wait: float = LOAD_WAIT_SECONDS) -> str | None:
    """The code of the site's language `text` is most probably written in, or None when unsure (or
    when the model is not loaded after `wait` seconds)."""
    text = " ".join(text.split())
    if len(text) < MIN_CHARACTERS:
        return None
    start_loading()
    if not _ready.wait(wait):
        return None
    language, confidence = _identifier.classify(text)
    return language if confidence >= MIN_CONFIDENCE else None
