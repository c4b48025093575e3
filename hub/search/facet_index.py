"""The published practices' filter values, held in memory as bitsets.

A list narrowed by three filters, with counts for eleven facets, costs a dozen joins over hundreds
of thousands of rows in SQL; here it is a few integer ANDs and popcounts. Bit i stands for the i-th
published practice, newest first. Each process keeps one index and builds it again, with a handful
of plain queries, when listing.listing_version() changes: after anything public changes (a
publication, an edit or archiving of published content), whichever process made it. It is search's:
the practice list, topic pages and map ask it through facets.py.
"""

import bisect
import contextlib
import ctypes
import gc
import logging
import threading
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import islice

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import F
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import get_language
from django_countries import countries

from hub.places.models import Continent
from hub.practices.models import Practice
from hub.search.listing import CHANGE_LOG_DAYS, DELTA_LIMIT, STALE, listing_version
from hub.search.models import ListingChange
from hub.vocabularies.models import StakeholderType, TargetGroup, Topic

FACETS = (
    "theme",
    "dimension",
    "gcm",
    "stakeholder",
    "country",
    "continent",
    "year",
    "target",
    "implementation",
    "participation",
    "evidence",
)
TOPIC_FACET = {Topic.Kind.THEME: "theme", Topic.Kind.DIMENSION: "dimension", Topic.Kind.GCM_OBJECTIVE: "gcm"}
logger = logging.getLogger(__name__)
country_name = lazy(lambda code: str(countries.name(code)), str)


def _term_label(term) -> str:
    """A vocabulary term's label in the active language (its `name` is translated: hub/vocabularies/translation.py)."""
    number = getattr(term, "number", None)
    return f"{number}. {term.name}" if number else term.name


term_label = lazy(_term_label, str)
# Facets whose options are listed alphabetically in the reader's language (the others keep their order:
# GCM objectives by number, target groups and sectors by position, years newest first).
ALPHABETICAL = ("theme", "country")


def alphabetical_key(label: str) -> str:
    """Éducation between Droits and Emploi, not after Z."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int


_NOTHING = object()
# What an entry takes besides its value (the key, the dictionary slot), and all a small value takes:
# words typed at random must not be able to fill memory with entries that each count for nothing.
SMALL_ENTRY_BYTES = 256


class Memo:
    """Values other modules derive from what is published (a search word's matches, as a bitset),
    kept as long as the index that holds them: until the next publish, edit or unpublish. Beyond
    `budget` bytes, the least recently used go first."""

    def __init__(self, budget: int):
        self.budget, self.size = budget, 0
        self._values: OrderedDict = OrderedDict()  # key -> (value, size)
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self.size = 0

    def keep_only(self, wanted: Callable) -> None:
        """Forget every value whose key is not `wanted`."""
        with self._lock:
            for key in [key for key in self._values if not wanted(key)]:
                self.size -= self._values.pop(key)[1]

    def peek(self, key, default=None):
        """The value kept for `key`, or `default`."""
        with self._lock:
            if key not in self._values:
                return default
            self._values.move_to_end(key)
            return self._values[key][0]

    def recent(self, wanted: Callable, budget: int) -> OrderedDict:
        """The most recently used entries whose key is `wanted`, up to `budget` bytes: key -> value,
        least recent first."""
        chosen, size = [], 0
        with self._lock:
            for key in reversed(self._values):
                value, entry_size = self._values[key]
                if wanted(key):
                    if size + entry_size > budget:
                        break
                    chosen.append((key, value))
                    size += entry_size
        return OrderedDict(reversed(chosen))

    def get(self, key, compute: Callable, size: Callable = lambda value: SMALL_ENTRY_BYTES):
        """The value kept for `key`, computed and kept if there is none (None is a value too).
        `size`: what the value and its key take, in bytes, roughly."""
        if (value := self.peek(key, _NOTHING)) is not _NOTHING:
            return value
        value = compute()  # outside the lock: other threads' look-ups need not wait for the database
        with self._lock:
            if key not in self._values:
                self._values[key] = value, size(value)
                self.size += self._values[key][1]
            while self.size > self.budget and len(self._values) > 1:
                _, (_, dropped) = self._values.popitem(last=False)
                self.size -= dropped
        return value


MEMO_BUDGET = 48 * 2**20  # bytes: about 4 000 search terms at 100 000 practices


class FacetIndex:
    def __init__(
        self,
        *,
        version,
        ids: list[int],
        title_keys: list[str],
        published: np.ndarray,
        postings: dict,
        labels: dict,
        place_postings: dict,
        vocabulary: dict,
        seen: dict,
        log_since,
        by_title: np.ndarray | None = None,
        pk_at: np.ndarray | None = None,
        facets: tuple[str, ...] = FACETS,
        alphabetical: tuple[str, ...] = ALPHABETICAL,
    ):
        self.version = version
        self.facets, self.alphabetical = facets, alphabetical  # another kind's facets (resources)
        self.place_postings = place_postings  # place id -> bitset, for the map
        self.ids = ids
        # For updates in place (with_changes): each position's casefolded title and publication time
        # (microseconds; -1 where there is none, which rules updates in place out), the vocabulary's
        # primary keys -> (facet, value), and the change log rows already reflected (id -> time).
        self.title_keys, self.published = title_keys, published
        self.vocabulary, self.seen, self.log_since = vocabulary, seen, log_since
        # The same mapping as arrays, for selections of tens of thousands of practices (search
        # matches): a Python loop over 80 000 ids costs more than the whole rest of a search page.
        self.pk_at = np.array(ids, dtype=np.int64) if pk_at is None else pk_at
        self._position_of_pk = np.full(int(self.pk_at.max(initial=0)) + 1, -1, dtype=np.int64)
        self._position_of_pk[self.pk_at] = np.arange(len(ids), dtype=np.int64)
        self.everything = (1 << len(ids)) - 1
        self.postings = postings  # (facet, value) -> bitset, in the order the options are shown
        # The same bitsets as the rows of one matrix of 64-bit words: every count of a page at once.
        self._words = (len(ids) + 63) // 64
        self._posting_matrix = np.array(
            [np.frombuffer(bits.to_bytes(self._words * 8, "little"), dtype=np.uint64) for bits in postings.values()],
            dtype=np.uint64,
        ).reshape(len(postings), self._words)
        self.labels = labels  # (facet, value) -> label (lazy where it is translated)
        self._everything_counts: dict[str, dict] = {}
        self._labels_in: dict[str, dict] = {}  # language -> (facet, value) -> label, translated once
        if by_title is None:
            by_title = np.array(sorted(range(len(ids)), key=lambda i: (title_keys[i], ids[i])), dtype=np.int64)
        self._by_title = by_title  # positions in title order
        self.memo = Memo(MEMO_BUDGET)

    def position_of(self, pk: int) -> int | None:
        if 0 <= pk < len(self._position_of_pk) and (i := int(self._position_of_pk[pk])) >= 0:
            return i
        return None

    def select(self, chosen: dict[str, str]) -> int:
        """The practices that have every chosen (facet, value)."""
        bits = self.everything
        for facet, value in chosen.items():
            bits &= self.postings.get((facet, value), 0)
        return bits

    def of_ids(self, pks) -> int:
        return self.of_id_array(np.fromiter(pks, dtype=np.int64))

    def of_id_array(self, pks: np.ndarray) -> int:
        """The bitset of these primary keys; those not in the index (not published) are left out."""
        pks = pks[(pks >= 0) & (pks < len(self._position_of_pk))]
        positions = self._position_of_pk[pks]
        flags = np.zeros(len(self.ids), dtype=bool)
        flags[positions[positions >= 0]] = True
        return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")

    def id_array(self, bits: int) -> np.ndarray:
        """The primary keys of a bitset, newest first."""
        return ids_of(bits, self.pk_at)

    def counts(self, bits: int) -> dict[str, list[FacetOption]]:
        # The counts over everything (home, unfiltered list, topics) are asked for most: keep them.
        if bits == self.everything:
            language = get_language()
            if language not in self._everything_counts:
                self._everything_counts[language] = self._count(bits)
            return self._everything_counts[language]
        return self._count(bits)

    def _labels(self) -> dict:
        language = get_language()
        if language not in self._labels_in:
            self._labels_in[language] = {key: str(label) for key, label in self.labels.items()}
        return self._labels_in[language]

    def _count(self, bits: int) -> dict[str, list[FacetOption]]:
        options: dict[str, list[FacetOption]] = {facet: [] for facet in self.facets}
        labels = self._labels()
        selected = np.frombuffer(bits.to_bytes(self._words * 8, "little"), dtype=np.uint64)
        counts = np.bitwise_count(self._posting_matrix & selected).sum(axis=1, dtype=np.int64).tolist()
        for (facet, value), n in zip(self.postings, counts, strict=True):
            if n:
                options[facet].append(FacetOption(value, labels[facet, value], n))
        for facet in self.alphabetical:
            options[facet].sort(key=lambda option: alphabetical_key(option.label))
        return options

    def pks(self, bits: int, *, start: int, stop: int, by_title: bool = False) -> list[int]:
        """The primary keys of the selected objects from `start` to `stop`, newest first or by title."""
        if by_title and bits == self.everything:
            return [self.ids[i] for i in self._by_title[start:stop].tolist()]
        if by_title:
            packed = np.frombuffer(bits.to_bytes((len(self.ids) + 7) // 8, "little"), dtype=np.uint8)
            flags = np.unpackbits(packed, count=len(self.ids), bitorder="little").astype(bool)
            return [self.ids[i] for i in self._by_title[flags[self._by_title]][start:stop].tolist()]
        return [self.ids[i] for i in islice(_set_bits(bits), start, stop)]

    def place_counts(self, bits: int, place_ids) -> dict[int, int]:
        """How many selected practices each of these places has (places with none are left out)."""
        counts = {}
        for place_id in place_ids:
            if n := (self.place_postings.get(place_id, 0) & bits).bit_count():
                counts[place_id] = n
        return counts

    def first_at_place(self, bits: int, place_id: int) -> int | None:
        """The newest selected practice at a place."""
        at_place = self.place_postings.get(place_id, 0) & bits
        return self.ids[(at_place & -at_place).bit_length() - 1] if at_place else None

    def neighbours(self, pk: int) -> tuple[int | None, int | None]:
        """The next newer and next older published practice."""
        i = self.position_of(pk)
        if i is None:
            return None, None
        return (self.ids[i - 1] if i > 0 else None), (self.ids[i + 1] if i + 1 < len(self.ids) else None)


def ids_of(bits: int, pk_at: np.ndarray) -> np.ndarray:
    """The primary keys of a bitset of the index whose primary keys by position are `pk_at`."""
    packed = np.frombuffer(bits.to_bytes((len(pk_at) + 7) // 8, "little"), dtype=np.uint8)
    return pk_at[np.unpackbits(packed, count=len(pk_at), bitorder="little").astype(bool)]


def bitset(positions) -> int:
    positions = list(positions)
    if not positions:
        return 0
    buffer = bytearray(max(positions) // 8 + 1)
    for i in positions:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


def _set_bits(bits: int):
    """Positions of the set bits, lowest first."""
    digits = bin(bits)[:1:-1]  # least significant bit first
    i = digits.find("1")
    while i != -1:
        yield i
        i = digits.find("1", i + 1)


ROW_FIELDS = (
    "pk",
    "title",
    "organisation__stakeholder_type",
    "implementation",
    "migrant_participation",
    "evidence",
    "start_date",
    "end_date",
    "published_at",
)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def microseconds(moment) -> int:
    """A publication time as the index orders by it; -1 for none (no update in place then)."""
    return -1 if moment is None else (moment - EPOCH) // timedelta(microseconds=1)


def _row_keys(row, stakeholders: dict, this_year: int) -> list[tuple[str, str]]:
    """The (facet, value) pairs a practice has from its own columns (its relations come apart)."""
    _, _, stakeholder, implementation, participation, evidence, start, end, _ = row
    keys = [("stakeholder", stakeholders[stakeholder])] if stakeholder else []
    own = (("implementation", implementation), ("participation", participation), ("evidence", evidence))
    keys += [(facet, value) for facet, value in own if value]
    if start:
        # An ongoing practice, with no end, counts in every year up to this one, as the year filter does.
        last = end.year if end else max(start.year, this_year)
        keys += [("year", str(year)) for year in range(start.year, last + 1)]
    return keys


def ordered_labels(labels: dict) -> dict:
    """Labels in the order the options are shown: years newest first, after everything else."""
    years = sorted((key for key in labels if key[0] == "year"), key=lambda key: -int(key[1]))
    return {**{key: label for key, label in labels.items() if key[0] != "year"}, **{key: key[1] for key in years}}


def build_index(version, *, seen: dict | None = None, log_since=None) -> FacetIndex:
    published = Practice.objects.published()
    rows = list(published.newest_first().values_list(*ROW_FIELDS))
    ids = [row[0] for row in rows]
    position = {pk: i for i, pk in enumerate(ids)}
    members: dict[tuple[str, str], list[int]] = {}
    labels: dict[tuple[str, str], object] = {}

    def declare(facet, value, label):
        members[facet, value] = []
        labels[facet, value] = label

    # Labels of vocabulary terms are lazy: each reader's language gets its own (FacetIndex._labels).
    topics = list(Topic.objects.all())
    for topic in topics:
        declare(TOPIC_FACET[topic.kind], topic.slug, term_label(topic))
    stakeholder_types = list(StakeholderType.objects.all())
    for s in stakeholder_types:
        declare("stakeholder", s.slug, term_label(s))
    continents = dict(Continent.choices)
    for code, label in Continent.choices:
        declare("continent", code, label)
    target_groups = list(TargetGroup.objects.all())
    for g in target_groups:
        declare("target", g.slug, term_label(g))
    for facet, choices in (
        ("implementation", Practice.Implementation.choices),
        ("participation", Practice.Participation.choices),
        ("evidence", Practice.Evidence.choices),
    ):
        for value, label in choices:
            declare(facet, value, label)

    vocabulary = {
        "topic": {t.pk: (TOPIC_FACET[t.kind], t.slug) for t in topics},
        "stakeholder": {s.pk: s.slug for s in stakeholder_types},
        "target": {g.pk: ("target", g.slug) for g in target_groups},
    }
    for practice_id, topic_id in Practice.topics.through.objects.filter(practice__in=published).values_list(
        "practice_id", "topic_id"
    ):
        members[vocabulary["topic"][topic_id]].append(position[practice_id])
    for practice_id, group_id in Practice.target_groups.through.objects.filter(practice__in=published).values_list(
        "practice_id", "targetgroup_id"
    ):
        members[vocabulary["target"][group_id]].append(position[practice_id])
    at_place: dict[int, list[int]] = {}
    for practice_id, place_id, country, continent in _place_links(published):
        at_place.setdefault(place_id, []).append(position[practice_id])
        if ("country", country) not in members:
            declare("country", country, country_name(country))
        members["country", country].append(position[practice_id])
        if continent in continents:
            members["continent", continent].append(position[practice_id])

    this_year = timezone.now().year
    for i, row in enumerate(rows):
        for key in _row_keys(row, vocabulary["stakeholder"], this_year):
            if key not in members:  # a year
                declare(*key, key[1])
            members[key].append(i)

    labels = ordered_labels(labels)
    postings = {key: bitset(members[key]) for key in labels if members[key]}
    return FacetIndex(
        version=version,
        ids=ids,
        title_keys=[row[1].casefold() for row in rows],
        published=np.array([microseconds(row[-1]) for row in rows], dtype=np.int64),
        postings=postings,
        labels=labels,
        place_postings={place_id: bitset(positions) for place_id, positions in at_place.items()},
        vocabulary=vocabulary,
        seen=seen or {},
        log_since=log_since or timezone.now() - CHANGE_WINDOW,
    )


def _place_links(published):
    return (
        Practice.places.through.objects.filter(practice__in=published)
        .annotate(country=F("place__country"), continent=F("place__continent"))
        .values_list("practice_id", "place_id", "country", "continent")
    )


@dataclass(frozen=True)
class Facts:
    """What the index holds of one published practice."""

    published: int
    title_key: str
    keys: list
    places: list


def practice_facts(pks, vocabulary: dict) -> dict[int, Facts | None] | None:
    """The index's facts of these practices as the database has them now (None: not published), or
    None if one carries a term the index does not know (it is rebuilt then)."""
    published = Practice.objects.published().filter(pk__in=pks)
    rows = list(published.values_list(*ROW_FIELDS))
    facts: dict[int, Facts | None] = dict.fromkeys(pks)
    keys = {row[0]: [] for row in rows}
    places = {row[0]: [] for row in rows}
    try:
        this_year = timezone.now().year
        for row in rows:
            keys[row[0]] += _row_keys(row, vocabulary["stakeholder"], this_year)
        for practice_id, topic_id in Practice.topics.through.objects.filter(practice__in=published).values_list(
            "practice_id", "topic_id"
        ):
            keys[practice_id].append(vocabulary["topic"][topic_id])
        for practice_id, group_id in Practice.target_groups.through.objects.filter(practice__in=published).values_list(
            "practice_id", "targetgroup_id"
        ):
            keys[practice_id].append(vocabulary["target"][group_id])
    except KeyError:
        return None
    continents = dict(Continent.choices)
    for practice_id, place_id, country, continent in _place_links(published):
        places[practice_id].append(place_id)
        keys[practice_id].append(("country", country))
        if continent in continents:
            keys[practice_id].append(("continent", continent))
    for row in rows:
        pk = row[0]
        facts[pk] = Facts(microseconds(row[-1]), row[1].casefold(), sorted(set(keys[pk])), sorted(set(places[pk])))
    return facts


def _without(bits: int, p: int) -> int:
    """The bitset with position p taken out, the positions above it moved down one."""
    return (bits & ((1 << p) - 1)) | ((bits >> (p + 1)) << p)


def _spread(bits: int, p: int) -> int:
    """The bitset with an empty position p made, the positions from p moved up one."""
    return (bits & ((1 << p) - 1)) | ((bits >> p) << (p + 1))


def with_changes(index: FacetIndex, version, facts: dict[int, Facts | None], *, seen, log_since) -> FacetIndex:
    """A new index: `index` with these practices as they are now (taken out, put in or changed in
    place), for the price of a few shifts of each bitset rather than reading every practice again."""
    ids, title_keys, published = list(index.ids), list(index.title_keys), index.published.copy()
    pk_at, by_title = index.pk_at.copy(), index._by_title.copy()
    postings, place_postings, labels = dict(index.postings), dict(index.place_postings), dict(index.labels)
    for pk, fact in facts.items():
        found = np.flatnonzero(pk_at == pk)
        old = int(found[0]) if len(found) else None
        if old is not None:
            postings = {key: rest for key, bits in postings.items() if (rest := _without(bits, old))}
            place_postings = {place: rest for place, bits in place_postings.items() if (rest := _without(bits, old))}
            del ids[old], title_keys[old]
            published, pk_at = np.delete(published, old), np.delete(pk_at, old)
            by_title = by_title[by_title != old]
            by_title[by_title > old] -= 1
        if fact is None:
            continue
        # Newest first, as newest_first() orders: later publication, then higher primary key, first.
        p = int(np.count_nonzero((published > fact.published) | ((published == fact.published) & (pk_at > pk))))
        postings = {key: _spread(bits, p) for key, bits in postings.items()}
        place_postings = {place: _spread(bits, p) for place, bits in place_postings.items()}
        for key in fact.keys:
            postings[key] = postings.get(key, 0) | 1 << p
            if key not in labels:  # a country or a year nobody had
                labels[key] = country_name(key[1]) if key[0] == "country" else key[1]
        for place in fact.places:
            place_postings[place] = place_postings.get(place, 0) | 1 << p
        ids.insert(p, pk)
        title_keys.insert(p, fact.title_key)
        published, pk_at = np.insert(published, p, fact.published), np.insert(pk_at, p, pk)
        by_title[by_title >= p] += 1
        j = bisect.bisect_left(by_title, (fact.title_key, pk), key=lambda i: (title_keys[i], ids[i]))
        by_title = np.insert(by_title, j, p)
    labels = ordered_labels(labels)
    return FacetIndex(
        version=version,
        ids=ids,
        title_keys=title_keys,
        published=published,
        postings={key: postings[key] for key in labels if key in postings},
        labels=labels,
        place_postings=place_postings,
        vocabulary=index.vocabulary,
        seen=seen,
        log_since=log_since,
        by_title=by_title,
        pk_at=pk_at,
        facets=index.facets,
        alphabetical=index.alphabetical,
    )


# Freshness. Each process keeps one index and compares its version with the listing version at
# every call (one cache read). When they differ, it reads the change log rows it has not seen (one
# query) and:
# - for changes of a few practices (a publication, an edit, an archiving, a merge, a delete), takes
#   them in (with_changes: a few queries and tens of milliseconds at 100 000 practices) in the
#   request that noticed, and serves the new index from that request on;
# - for a bulk change (an import, a renamed term, a rebuild of the search index) or a version not
#   tied to the log (the cache was emptied), builds a new index in a background thread (about 2 s at
#   100 000) and swaps it in when it is done; until then the old index serves, the responses that
#   used it are marked stale (listing.STALE: the page cache does not keep them), and the next
#   request after the swap takes in whatever changed meanwhile.
# So counts are right from the first request after a practice's change is committed, and at most a
# rebuild's time late after a bulk change. The first index of a process is built before it serves
# (gunicorn.conf.py, post_worker_init); with FACET_INDEX_IN_BACKGROUND off (tests, whose data other
# threads cannot see), every build happens in the request, as before.
# Memo entries about practices only (results.MATCHES, results.LATEST_HEAD_MATCHES): another kind's change keeps them.
KEPT_ACROSS_KINDS = frozenset({"search", "latest head matches"})
CHANGE_WINDOW = timedelta(minutes=10)  # a change committed this long after its log row was written is missed
STATS: Counter = Counter()  # what this process did to its indexes, read by tests and benchmarks


def log_since_now() -> tuple[dict, object]:
    """The change log rows of the last CHANGE_WINDOW (id -> time), and where that window starts."""
    log_since = timezone.now() - CHANGE_WINDOW
    seen = dict(ListingChange.objects.filter(created_at__gte=log_since).values_list("pk", "created_at"))
    return seen, log_since


def _build(version) -> FacetIndex:
    seen, log_since = log_since_now()  # read first: a change committed during the build is taken in after
    # In the site's language, whoever asks first: the order of the terms must not depend on it.
    with translation.override(settings.LANGUAGE_CODE):
        return build_index(version, seen=seen, log_since=log_since)


def unseen_changes(index: FacetIndex) -> tuple[list, dict, object] | None:
    """The change log rows `index` has not taken in yet as (row id, practice id), with the rows and
    the start of the window it will have seen once it has; None when the log cannot tell (the index
    looked last further back than the log keeps)."""
    if index.log_since < timezone.now() - timedelta(days=CHANGE_LOG_DAYS) + CHANGE_WINDOW:
        return None
    rows = list(
        ListingChange.objects.filter(created_at__gte=index.log_since).values_list("pk", "practice_id", "created_at")
    )
    unseen = [(pk, practice) for pk, practice, _ in rows if pk not in index.seen]
    log_since = max(index.log_since, timezone.now() - CHANGE_WINDOW)
    seen = {pk: at for pk, _, at in rows if at >= log_since}
    return unseen, seen, log_since


def _catch_up(index: FacetIndex, version) -> FacetIndex | None:
    """The index with the logged changes it has not seen taken in, or None if it must be rebuilt."""
    if version & 1 or (changes := unseen_changes(index)) is None:
        return None
    unseen, seen, log_since = changes
    pks = sorted({practice for _, practice in unseen if practice is not None})
    if any(practice is None for _, practice in unseen) or len(pks) > DELTA_LIMIT:
        return None
    if pks and (index.published < 0).any():
        return None  # a practice without a publication time: no order to put it in
    if not pks:
        # Another kind's change: nothing in this index moved and the practices' word matches stay;
        # what comes from the vocabulary of every kind (word frequencies, spelling) is asked again.
        index.memo.keep_only(lambda key: isinstance(key, tuple) and key[0] in KEPT_ACROSS_KINDS)
        index.version, index.seen, index.log_since = version, seen, log_since
        return index
    facts = practice_facts(pks, index.vocabulary)
    if facts is None or any(fact is not None and fact.published < 0 for fact in facts.values()):
        return None
    STATS["updated in place"] += 1
    STATS["practices updated in place"] += len(pks)
    return with_changes(index, version, facts, seen=seen, log_since=log_since)


def _release_freed_memory() -> None:
    """Hand the old index's memory back to the system: glibc keeps what a thread frees in that
    thread's arena, so without this a process would hold two indexes' worth after each rebuild."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to do
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class LiveIndex:
    """One kind's facet index in this process, brought up to date when the listing version changes
    (see "Freshness" above): the practices' and the resources' (hub/resources/facets.py) alike.

    `build(version)` makes a whole index; `catch_up(index, version)` returns it with the logged
    changes taken in, or None when it must be rebuilt. `in_background`: whether a rebuild may run
    in a background thread while the old index serves (with FACET_INDEX_IN_BACKGROUND); a kind
    without updates in place says no, so that its changes show on the very next page."""

    def __init__(self, name: str, *, build: Callable, catch_up: Callable, in_background: bool = True):
        self.name, self.build, self.catch_up, self.in_background = name, build, catch_up, in_background
        self.current: FacetIndex | None = None
        self.rebuilding: threading.Thread | None = None
        self._lock = threading.Lock()
        LIVE_INDEXES.append(self)

    def _count(self, what: str) -> None:
        STATS[what if self.name == "practices" else f"{self.name} {what}"] += 1

    def _rebuild_in_background(self, version) -> None:
        try:
            index = self.build(version)
            with self._lock:
                self.current = index
                self._count("built in the background")
            del index
            _release_freed_memory()
        except Exception:
            logger.exception("The %s facet index could not be rebuilt; the old one goes on serving", self.name)
        finally:
            with self._lock:
                self.rebuilding = None
            connection.close()  # this thread's own connection

    def get(self) -> FacetIndex:
        """This process's index, brought up to date if anything public changed since it was built."""
        version = listing_version()
        index = self.current
        if index is not None and index.version == version:
            return index
        with self._lock:
            if self.current is None:
                self.current = self.build(version)
                self._count("built in a request")
            elif self.current.version != version and self.rebuilding is None:
                with translation.override(settings.LANGUAGE_CODE):
                    caught_up = self.catch_up(self.current, version)
                if caught_up is not None:
                    self.current = caught_up
                elif self.in_background and getattr(settings, "FACET_INDEX_IN_BACKGROUND", True):
                    self.rebuilding = threading.Thread(
                        target=self._rebuild_in_background,
                        args=(version,),
                        name=f"{self.name}-facet-index-rebuild",
                        daemon=True,
                    )
                    self.rebuilding.start()
                else:
                    self.current = self.build(version)
                    self._count("built in a request")
            index = self.current
        if index.version != version:
            STALE.set(True)
        return index


LIVE_INDEXES: list[LiveIndex] = []
PRACTICES = LiveIndex("practices", build=_build, catch_up=_catch_up)


def facet_index() -> FacetIndex:
    """This process's index of the published practices, up to date."""
    return PRACTICES.get()


def forget_indexes() -> None:
    """Drop every kind's index of this process (tests: each one's data is its own)."""
    for live in LIVE_INDEXES:
        live.current = None


class IndexSelection:
    """The objects of a selection of an index in list order, fetched from the database a page at a
    time through `cards` (a queryset of their kind, with what the cards show).

    Django's Paginator takes it like a queryset: count() and slicing.
    """

    def __init__(self, index: FacetIndex, bits: int, *, cards, by_title: bool = False):
        self.index, self.bits, self.cards, self.by_title = index, bits, cards, by_title

    def count(self) -> int:
        return self.bits.bit_count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        pks = self.index.pks(self.bits, start=window.start or 0, stop=window.stop, by_title=self.by_title)
        # Published checked again, since an object archived a moment ago may still be in this process's
        # index; in Python, because with the status in SQL SQLite picks the status index over the key.
        found = {obj.pk: obj for obj in self.cards.filter(pk__in=pks) if obj.is_published}
        return [found[pk] for pk in pks if pk in found]


class PracticeSelection(IndexSelection):
    """The practices of a selection in list order."""

    def __init__(self, index: FacetIndex, bits: int, *, by_title: bool = False):
        super().__init__(index, bits, cards=Practice.objects.for_cards(), by_title=by_title)
