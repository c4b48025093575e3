"""What a web process loads before it takes its first request, so that no reader waits for it.

A search needs the spelling word lists (hub/search/dictionary.py, about 3 s to read), the sentence
model (hub/search/vectors.py, about 1 s to read, then its first run) and the practices' vectors
(hub/search/semantic.py); every list page needs the facet index (hub/search/facet_index.py, seconds at
100 000 practices). Loaded lazily, the first reader of each process paid for all of it: 6.7 s for the
first search of a process (docs/benchmarks.md, section *Served*).

gunicorn (gunicorn.conf.py) calls both of these:

- `before_fork`, in the arbiter once the application is loaded (preload_app), before it starts the web
  processes: the word lists and the model's weights, read-only arrays that need no database, and
  what every first page paid for (the URLconf and its views, the catalogues, the templates
  compiled). Forked processes share them (copy-on-write), so they are in memory once, not once per
  process, and a process started again after a crash has them at once. Then everything loaded so far
  is frozen out of the garbage collector's sight (`gc.freeze`): its full collections walked these
  170 000 objects each time (about 90 ms, the slowest requests' tail), and a collection that never
  touches them leaves their pages shared after the fork.
- `in_process`, in each web process before its first request (post_worker_init): what needs the
  database or is the process's own: the facet indexes (every kind's), the practices' vectors and the model's first
  run (its numerical library's threads belong to the process).
"""

import gc
import logging
import time
from pathlib import Path

logger = logging.getLogger(__name__)


def before_fork() -> dict:
    from hub.search import dictionary, vectors

    took = {}
    started = time.perf_counter()
    _pages()
    took["pages"] = time.perf_counter() - started
    started = time.perf_counter()
    dictionary.load()
    took["word lists"] = time.perf_counter() - started
    started = time.perf_counter()
    vectors.load()
    took["sentence model"] = time.perf_counter() - started
    from django.db import connections

    connections.close_all()  # none should be open; a forked process must not share one
    gc.collect()  # what loading left behind goes first: frozen, it would stay for good
    gc.freeze()
    logger.info("Loaded before the fork: %s; %d objects frozen", _seconds(took), gc.get_freeze_count())
    return took


def in_process() -> dict:
    from django.urls import get_resolver

    from hub.search import dictionary, semantic, vectors
    from hub.search.facet_index import LIVE_INDEXES

    get_resolver().url_patterns  # noqa: B018  (imports the views, and with them every kind's index)
    took = {}
    started = time.perf_counter()
    for live in LIVE_INDEXES:  # the practices' and the resources'
        live.get()
    took["facet indexes"] = time.perf_counter() - started
    started = time.perf_counter()
    dictionary.load()  # nothing to do when loaded before the fork
    vectors.embed(["integration of newcomers"])
    took["search"] = time.perf_counter() - started
    started = time.perf_counter()
    semantic.vector_matrix(semantic.practices_kind().number)
    took["vectors"] = time.perf_counter() - started
    logger.info("Loaded before the first request: %s", _seconds(took))
    return took


def _pages() -> None:
    """What the first page of each process paid for (2 to 6 s on a busy machine): the URLconf and the
    views it imports, the address patterns of every language, the translation catalogues and the
    project's templates, compiled (the cached loader keeps them)."""
    from django.conf import settings
    from django.template import TemplateSyntaxError, engines
    from django.template.loader import get_template
    from django.urls import get_resolver, reverse
    from django.utils import translation

    get_resolver().url_patterns  # noqa: B018  imports hub/urls.py and the views
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            reverse("home")
            translation.gettext("Practices")
    for directory in engines["django"].dirs:
        for path in sorted(Path(directory).rglob("*.html")):
            try:
                get_template(str(path.relative_to(directory)))
            except TemplateSyntaxError:
                logger.exception("Template %s does not compile", path)


def _seconds(took: dict) -> str:
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in took.items())
