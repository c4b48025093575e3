"""The listing version: one number that changes whenever something public changes, and the change
log that says what changed.

The facet index, the map's counts and the search matches of every process key on the version, so a
new version, once committed, makes each process bring them up to date. Only the publishing services
(hub.publishing.services._changed), a rebuild of the search index, imports and the vocabularies
change it: work on content nobody can see changes nothing.

Each change also leaves rows in `ListingChange`, in the same transaction: the kind and object that
changed (a practice, a pledge, an event…), or a row without a kind for a change that may touch
anything (an import, a renamed term, a rebuild). A process that sees a new version reads the rows it
has not seen (one query on an indexed column); each of its facet indexes takes in the rows of its own
kind (the practices' in place, the others by a rebuild) and leaves the rest, and every index rebuilds
for a bulk change (facet_index.py, "Freshness").

Versions are even when a logged change set them and odd when a process found none in the cache (the
first start, or a cache emptied): an odd version is not tied to the log, so whoever sees it rebuilds.
"""

import time
from collections.abc import Iterable
from contextvars import ContextVar
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

LISTING_VERSION_KEY = "practices:listing-version"
PRACTICE = "practices.practice"  # the kind of a practice's rows in the change log
# Moves whenever the search index of a kind other than practices changes (hub.search.services._index):
# the counts of the search page's tabs for those kinds are kept under it.
DOCUMENTS_VERSION_KEY = "search:documents-version"
# More practices than this in one change: one row meaning "anything may have changed" (a rebuild),
# rather than a row each that every process would apply one by one.
DELTA_LIMIT = 100
# Rows are kept this long: a process that last looked further back than this rebuilds.
CHANGE_LOG_DAYS = 1


def listing_version() -> int:
    # No expiry: a new version makes every process bring its facet index up to date.
    return cache.get_or_set(LISTING_VERSION_KEY, lambda: time.time_ns() | 1, timeout=None)


def listings_changed(kind: str = "", pks: Iterable[int] | None = None) -> None:
    """Public content changed: the objects `pks` of `kind` (a model's label_lower, PRACTICE for
    practices), any object of that kind when pks is None, anything at all when no kind is named (an
    import, a renamed term, a rebuild of the search index)."""
    from hub.search.models import ListingChange  # listing.py is imported by models' apps

    now = timezone.now()
    pks = None if pks is None or not kind else sorted(set(pks))
    if pks is None or len(pks) > DELTA_LIMIT:
        ListingChange.objects.create(kind=kind, object_id=None, created_at=now)
    else:
        ListingChange.objects.bulk_create(ListingChange(kind=kind, object_id=pk, created_at=now) for pk in pks)
    ListingChange.objects.filter(created_at__lt=now - timedelta(days=CHANGE_LOG_DAYS)).delete()
    transaction.on_commit(lambda: cache.set(LISTING_VERSION_KEY, time.time_ns() & ~1, None))


def documents_version() -> int:
    return cache.get_or_set(DOCUMENTS_VERSION_KEY, time.time_ns, timeout=None)


def documents_changed() -> None:
    """The search index of a kind other than practices changed. The version moves at once, so that the
    writing transaction's own requests (and tests, which never commit) count afresh, and again once
    committed, so that a count another process made meanwhile from what was not committed yet is
    never read."""
    cache.set(DOCUMENTS_VERSION_KEY, time.time_ns(), None)
    transaction.on_commit(lambda: cache.set(DOCUMENTS_VERSION_KEY, time.time_ns(), None))


# Set when a response used a facet index older than the listing version (a rebuild was still
# running in the background): the page cache must not keep it under the new version.
STALE: ContextVar[bool] = ContextVar("listing_stale", default=False)
