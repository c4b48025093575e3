"""What a web process loads before it takes its first request, so that no reader waits for it.

A search needs the spelling word lists (hub/search/dictionary.py, about 3 s to read), the sentence
model (hub/search/vectors.py, about 1 s to read, then its first run) and the practices' vectors
(hub/search/semantic.py); every list page needs the facet index (hub/search/facet_index.py, seconds at
100 000 practices). Loaded lazily, the first reader of each process paid for all of it: 6.7 s for the
first search of a process (docs/benchmarks.md, section *Served*).

gunicorn (gunicorn.conf.py) calls both of these:

- `before_fork`, in the arbiter once the application is loaded (preload_app), before it starts the web
  processes: the word lists and the model's weights, read-only arrays that need no database. Forked
  processes share them (copy-on-write; nothing writes to them), so they are in memory once, not once
  per process, and a process started again after a crash has them at once.
- `in_process`, in each web process before its first request (post_worker_init): what needs the
  database or is the process's own: the facet index, the practices' vectors and the model's first
  run (its numerical library's threads belong to the process).
"""

import logging
import time

logger = logging.getLogger(__name__)


def before_fork() -> dict:
    from hub.search import dictionary, vectors

    took = {}
    started = time.perf_counter()
    dictionary.load()
    took["word lists"] = time.perf_counter() - started
    started = time.perf_counter()
    vectors.load()
    took["sentence model"] = time.perf_counter() - started
    logger.info("Loaded before the fork: %s", _seconds(took))
    return took


def in_process() -> dict:
    from hub.search import dictionary, semantic, vectors
    from hub.search.facet_index import facet_index

    took = {}
    started = time.perf_counter()
    facet_index()
    took["facet index"] = time.perf_counter() - started
    started = time.perf_counter()
    dictionary.load()  # nothing to do when loaded before the fork
    vectors.embed(["integration of newcomers"])
    took["search"] = time.perf_counter() - started
    started = time.perf_counter()
    semantic.vector_matrix(semantic.practices_kind().number)
    took["vectors"] = time.perf_counter() - started
    logger.info("Loaded before the first request: %s", _seconds(took))
    return took


def _seconds(took: dict) -> str:
    return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in took.items())
