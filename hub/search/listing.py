"""The listing version: one number that changes whenever something public changes.

The facet index, the map's counts and the search matches of every process key on it, so a new
version, once committed, makes each process bring them up to date. Only the publishing services
(hub.publishing.services._changed), a rebuild of the search index and the vocabularies change it:
work on content nobody can see changes nothing.
"""

import time

from django.core.cache import cache
from django.db import transaction

LISTING_VERSION_KEY = "practices:listing-version"


def listing_version() -> int:
    # No expiry: a new version makes every process rebuild its facet index.
    return cache.get_or_set(LISTING_VERSION_KEY, time.time_ns, timeout=None)


def listings_changed() -> None:
    transaction.on_commit(lambda: cache.set(LISTING_VERSION_KEY, time.time_ns(), None))
