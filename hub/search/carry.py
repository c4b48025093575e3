"""Matches carried over from one facet index to the next.

Each process keeps the matches of the words searched with its facet index (results.PracticeSearch
.matches) and builds a new index whenever anything published changes. Without this module every
publication would make the next search of each common word collect its tens of thousands of ids
from the engine again. Instead, the matches found with the previous index are carried over: the
practices whose documents changed since (the change log that services._index writes, in commit
order) are taken out of them, and the engine is asked which of those few match now.

A rebuild of the index, or more than MAX_CHANGES changes at once (an import), and nothing is
carried: the engine is asked afresh.
"""

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from hub.practices.facet_index import MEMO_BUDGET, FacetIndex, Memo, ids_of

MAX_CHANGES = 2_000
# What a new index takes over, at most: the old index's most recently used matches.
CARRIED_BUDGET = MEMO_BUDGET // 2


# What is carried over, by the first item of its memo key: the matches of words
# (results.PracticeSearch._key), and the latest of their title-and-summary matches
# (results.RankedResults._first_block).
MATCHES, LATEST_HEAD_MATCHES = "search", "latest head matches"


def is_carried(key) -> bool:
    return isinstance(key, tuple) and key[0] in (MATCHES, LATEST_HEAD_MATCHES)


@dataclass
class Carried:
    pk_at: np.ndarray  # the previous index's primary keys, by position
    entries: OrderedDict  # memo key -> a bitset of the previous index, or an array of ids
    changed: np.ndarray  # the practices whose documents changed since those were found
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __contains__(self, key) -> bool:
        return key in self.entries

    def take(self, key) -> np.ndarray | None:
        """The ids kept for `key` with the previous index (its matches, or a block of them); None if
        not carried. Each entry is taken once: the new index keeps it from then on."""
        with self._lock:
            value = self.entries.pop(key, None)
        if value is None:
            return None
        return ids_of(value, self.pk_at) if isinstance(value, int) else value

    def patched(self, ids: np.ndarray, matching: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """`ids` found with the previous index, brought up to date: without the practices whose documents
        changed since, with those of them that `matching` (given their ids) finds now."""
        if not len(self.changed):
            return ids
        return np.concatenate([ids[~np.isin(ids, self.changed)], matching(self.changed)])


@dataclass
class _Generation:
    # The index, and what of it the next one takes over: a list page need not keep a whole old
    # index alive until the next search.
    index: weakref.ref | None = None
    memo: Memo | None = None
    pk_at: np.ndarray | None = None
    change: int = 0  # the last change in the log when this index was first searched
    carried: Carried | None = None

    @classmethod
    def of(cls, index: FacetIndex, change: int, carried: Carried | None = None) -> "_Generation":
        return cls(weakref.ref(index), index.memo, index.pk_at, change, carried)


_lock = threading.Lock()
_current = _Generation()


def carried_over(index: FacetIndex) -> Carried | None:
    """What the previous index of this process found that `index` can take over."""
    global _current
    with _lock:
        if _current.index is None or _current.index() is not index:
            _current = _next_generation(_current, index)
        return _current.carried


def forget() -> None:
    """Carry nothing over to the next index (benchmarks of first searches)."""
    global _current
    with _lock:
        _current = _Generation()


def _next_generation(previous: _Generation, index: FacetIndex) -> _Generation:
    """The state of `index`, read before any of its matches is computed: whatever they hold
    includes at least the changes logged so far."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(id) FROM search_searchchange")
        last = cursor.fetchone()[0] or 0
        # A log that went back (a database restored from a dump) says nothing of what changed.
        if previous.memo is None or not previous.change <= last <= previous.change + MAX_CHANGES:
            return _Generation.of(index, last)
        cursor.execute(
            "SELECT practice_id FROM search_searchchange WHERE id > %s AND id <= %s", [previous.change, last]
        )
        changed = [practice_id for (practice_id,) in cursor.fetchall()]
    if None in changed:  # a rebuild
        return _Generation.of(index, last)
    # What the previous index had not taken over from the one before it is left behind.
    entries = previous.memo.recent(is_carried, CARRIED_BUDGET)
    return _Generation.of(index, last, Carried(previous.pk_at, entries, np.array(changed, dtype=np.int64)))
