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
from array import array
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
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
from hub.search.listing import CHANGE_LOG_DAYS, DELTA_LIMIT, PRACTICE, STALE, listing_version
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
                self._keep(key, value, size(value))
        return value

    def put(self, key, value, size: int) -> None:
        """Keep `value` for `key`, in place of what was kept (a value that grew: PracticeFigures)."""
        with self._lock:
            if key in self._values:
                self.size -= self._values.pop(key)[1]
            self._keep(key, value, size)

    def _keep(self, key, value, size: int) -> None:
        self._values[key] = value, size
        self.size += size
        while self.size > self.budget and len(self._values) > 1:
            _, (_, dropped) = self._values.popitem(last=False)
            self.size -= dropped


@dataclass(frozen=True)
class PracticeFigures:
    """Figures of some published practices, a row each (`rows[i]` is practice `pks[i]`'s, the primary keys
    ascending): what a search reads of each practice's document (its length, its counts of the words).
    They hold until the practice changes, so an update in place carries them over but for the practices
    it changed (FacetIndex.carry_matches), and the first search after a publication reads those alone."""

    pks: np.ndarray
    rows: np.ndarray

    @classmethod
    def of(cls, pks: np.ndarray, rows: np.ndarray) -> "PracticeFigures":
        order = np.argsort(pks, kind="stable")
        return cls(np.asarray(pks, dtype=np.int64)[order], np.asarray(rows)[order])

    @property
    def nbytes(self) -> int:
        return self.pks.nbytes + self.rows.nbytes + SMALL_ENTRY_BYTES

    def _at(self, pks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each of `pks` is, and whether it is there."""
        at = np.minimum(np.searchsorted(self.pks, pks), max(len(self.pks) - 1, 0))
        found = self.pks[at] == pks if len(self.pks) else np.zeros(len(pks), dtype=bool)
        return at, found

    def has(self, pks: np.ndarray) -> np.ndarray:
        return self._at(pks)[1]

    def of_pks(self, pks: np.ndarray) -> "PracticeFigures":
        """The rows of those of `pks` that are here, in the order of `pks`."""
        at, found = self._at(pks)
        return PracticeFigures(pks[found], self.rows[at[found]])

    def without(self, pks: np.ndarray) -> "PracticeFigures":
        kept = ~np.isin(self.pks, pks)
        return PracticeFigures(self.pks[kept], self.rows[kept])

    def merged(self, other: "PracticeFigures") -> "PracticeFigures":
        """These rows and the other's (whose practices are not among these), each put in its place: the
        other's are a few (those changed since), these 100 000 for the documents' lengths, already in order."""
        at = np.searchsorted(self.pks, other.pks)
        return PracticeFigures(np.insert(self.pks, at, other.pks), np.insert(self.rows, at, other.rows, axis=0))


MEMO_BUDGET = 48 * 2**20  # bytes: about 4 000 search terms at 100 000 practices
CARRY_BUDGET = 16 * 2**20  # the word matches an update in place carries over: the most recently used
CARRY_DEPTH = 8  # updates in place a word's matches are carried through unasked


def _bitset_bytes(bits: int) -> int:
    return (bits.bit_length() + 7) // 8 + SMALL_ENTRY_BYTES


def _carried_bytes(value) -> int:
    return value.nbytes if isinstance(value, PracticeFigures) else _bitset_bytes(value)


class Postings(Mapping):
    """(facet, value) -> bitset, in the order the options are shown: the rows of a matrix of 64-bit
    words (bit i of the row is position i), each turned into a Python integer when first asked for.
    An update in place shifts the matrix in a few vectorised operations; a few hundred integers of
    100 000 bits, shifted one by one and turned back into the matrix, cost ten times more."""

    def __init__(self, keys: list, matrix: np.ndarray):
        self.keys_in_order, self.matrix = keys, matrix
        self._row = {key: i for i, key in enumerate(keys)}
        self._bits: dict = {}

    def __getitem__(self, key) -> int:
        if (bits := self._bits.get(key)) is None:
            bits = self._bits[key] = int.from_bytes(self.matrix[self._row[key]].tobytes(), "little")
        return bits

    def __contains__(self, key) -> bool:
        return key in self._row

    def __iter__(self):
        return iter(self.keys_in_order)

    def __len__(self) -> int:
        return len(self.keys_in_order)


class FacetIndex:
    def __init__(
        self,
        *,
        version,
        ids: array,
        title_keys: np.ndarray,
        published: np.ndarray,
        postings: Postings,
        labels: dict,
        link_place: np.ndarray,
        link_position: np.ndarray,
        vocabulary: dict,
        seen: dict,
        log_since,
        by_title: np.ndarray | None = None,
        pk_at: np.ndarray | None = None,
        labels_in: dict | None = None,
        facets: tuple[str, ...] = FACETS,
        alphabetical: tuple[str, ...] = ALPHABETICAL,
    ):
        self.version = version
        self.facets, self.alphabetical = facets, alphabetical  # another kind's facets (resources)
        # The map's places: one entry a link of a practice to a place, ordered by place (the place's
        # id, the practice's position). Positions in an array shift by one vectorised operation.
        self.link_place, self.link_position = link_place, link_position
        # Primary keys by position, and below the titles: in an array.array and a NumPy array of objects,
        # which the garbage collector does not walk. Python lists of 100 000 items each, new with each
        # update, made the first collection after it cost tens of milliseconds of the next request.
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
        self._words = _words(len(ids))
        self._posting_matrix = postings.matrix
        self.labels = labels  # (facet, value) -> label (lazy where it is translated)
        self._everything_counts: dict[str, dict] = {}
        # language -> (facet, value) -> label, translated once (an update in place hands them on)
        self._labels_in: dict[str, dict] = labels_in or {}
        if by_title is None:
            by_title = np.array(sorted(range(len(ids)), key=lambda i: (title_keys[i], ids[i])), dtype=np.int64)
        self._by_title = by_title  # positions in title order
        self._places: tuple | None = None  # place ids, where each one's links start, and its totals
        self.memo = Memo(MEMO_BUDGET)
        # Word matches of the indexes this one was updated from, brought up to date when first asked for
        # (take_carried): key -> (bitset of an earlier index, that index's primary keys by position,
        # the practices changed since, how many updates ago).
        self._carried: dict = {}

    def carry_matches(self, old: "FacetIndex", changed: list[int]) -> None:
        """Keep the word matches (results.MATCHES) and the practices' figures (PracticeFigures, under
        CARRIED_FIGURES) the old index used most recently, within CARRY_BUDGET, and those it carried
        itself that nobody asked for, up to CARRY_DEPTH updates back: all but those of the practices
        changed since still hold, so the first search of a word after a publication asks the engine
        about these practices alone (results.PracticeSearch)."""
        changed_now = np.array(changed, dtype=np.int64)
        found = old.memo.recent(lambda key: isinstance(key, tuple) and key[0] in CARRIED, CARRY_BUDGET)
        carried = {key: (value, old.pk_at, changed_now, 1) for key, value in found.items()}
        size = sum(_carried_bytes(value) for value in found.values())
        for key, (value, pk_at, changed_before, depth) in list(old._carried.items()):
            if key in carried or depth >= CARRY_DEPTH or size + _carried_bytes(value) > CARRY_BUDGET:
                continue
            carried[key] = (value, pk_at, np.union1d(changed_before, changed_now), depth + 1)
            size += _carried_bytes(value)
        self._carried = carried

    def carries(self, key) -> bool:
        return key in self._carried

    def take_carried(self, key) -> tuple[np.ndarray, np.ndarray] | None:
        """The primary keys of the matches carried under `key` but for the practices changed since they
        were found, and those practices; None if none was carried. Each is given once: what the caller
        makes of it goes into the memo."""
        carried = self._carried.pop(key, None)
        if carried is None:
            return None
        bits, pk_at, changed, _ = carried
        found = pk_at[_flags(bits, len(pk_at))]
        return found[~np.isin(found, changed)], changed

    def take_carried_figures(self, key) -> tuple[PracticeFigures, np.ndarray] | None:
        """The figures carried under `key` but for the practices changed since they were read, and those
        practices; None if none were carried. Each is given once, as take_carried's."""
        carried = self._carried.pop(key, None)
        if carried is None:
            return None
        figures, _pk_at, changed, _ = carried
        return figures.without(changed), changed

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

    def _place_runs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The places that have published practices (ids, ascending), where each one's links start,
        and how many practices each has."""
        if self._places is None:
            place = self.link_place
            starts = np.flatnonzero(np.r_[True, place[1:] != place[:-1]]) if len(place) else place
            self._places = (place[starts], starts, np.diff(np.r_[starts, len(place)]))
        return self._places

    def place_totals(self) -> dict[int, int]:
        """Every place that has published practices, and how many."""
        places, _, totals = self._place_runs()
        return dict(zip(places.tolist(), totals.tolist(), strict=True))

    def place_pairs(self) -> list[tuple[int, int]]:
        """(place id, position) of every link, in order: what two indexes compare."""
        return sorted(zip(self.link_place.tolist(), self.link_position.tolist(), strict=True))

    def place_counts(self, bits: int, place_ids) -> dict[int, int]:
        """How many selected practices each of these places has (places with none are left out)."""
        places, starts, totals = self._place_runs()
        if bits != self.everything and len(places):
            chosen = _flags(bits, len(self.ids))[self.link_position]
            totals = np.add.reduceat(chosen, starts, dtype=np.int64)
        counts = dict(zip(places.tolist(), totals.tolist(), strict=True))
        return {place_id: n for place_id in place_ids if (n := counts.get(place_id, 0))}

    def first_at_places(self, bits: int, place_ids: list[int]) -> list[int | None]:
        """The newest selected practice at each of these places (None where there is none)."""
        places, starts, totals = self._place_runs()
        flags = _flags(bits, len(self.ids))
        firsts: list[int | None] = []
        for place_id in place_ids:
            i = int(np.searchsorted(places, place_id))
            first = None
            if i < len(places) and places[i] == place_id:
                at_place = self.link_position[starts[i] : starts[i] + totals[i]]
                if len(chosen := at_place[flags[at_place]]):
                    first = self.ids[int(chosen.min())]
            firsts.append(first)
        return firsts

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


def _words(size: int) -> int:
    """How many 64-bit words a bitset of `size` positions takes."""
    return (size + 63) // 64


def _flags(bits: int, size: int) -> np.ndarray:
    """A bitset as one boolean per position."""
    packed = np.frombuffer(bits.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(packed, count=size, bitorder="little").astype(bool)


def _matrix_row(positions: list[int], words: int) -> np.ndarray:
    flags = np.zeros(words * 64, dtype=bool)
    flags[positions] = True
    return np.packbits(flags, bitorder="little").view(np.uint64)


def facet_options():
    """What an index build fills: each option's member positions and its label, in the order the options
    are declared, and `declare(facet, value, label)` to add an option with no members yet."""
    members: dict[tuple[str, str], list[int]] = {}
    labels: dict[tuple[str, str], object] = {}

    def declare(facet, value, label):
        members[facet, value] = []
        labels[facet, value] = label

    return members, labels, declare


def postings_of(members: dict[tuple[str, str], list[int]], labels: dict, size: int) -> "Postings":
    """The postings of the options that have members (their positions), in the labels' order."""
    keys = [key for key in labels if members.get(key)]
    words = _words(size)
    matrix = np.array([_matrix_row(members[key], words) for key in keys], dtype=np.uint64).reshape(len(keys), words)
    return Postings(keys, matrix)


def place_links(pairs: list[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """(place id, position) pairs as the index keeps them: two arrays, ordered by place, then position."""
    ordered = np.unique(np.array(pairs, dtype=np.int64).reshape(-1, 2), axis=0)
    return ordered[:, 0].copy(), ordered[:, 1].copy()


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
    ids = array("q", [row[0] for row in rows])
    position = {pk: i for i, pk in enumerate(ids)}
    members, labels, declare = facet_options()

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
    at_place: list[tuple[int, int]] = []
    for practice_id, place_id, country, continent in _place_links(published):
        at_place.append((place_id, position[practice_id]))
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
    link_place, link_position = place_links(at_place)
    return FacetIndex(
        version=version,
        ids=ids,
        title_keys=np.array([row[1].casefold() for row in rows], dtype=object),
        published=np.array([microseconds(row[-1]) for row in rows], dtype=np.int64),
        postings=postings_of(members, labels, len(ids)),
        labels=labels,
        link_place=link_place,
        link_position=link_position,
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


_LOW = [np.uint64((1 << b) - 1) for b in range(65)]  # the bits below bit b of a word
_scratch = np.empty(0, dtype=np.uint64)  # reused: a new array of megabytes costs more to map than to fill


def _scratch_matrix(rows: int, columns: int) -> np.ndarray:
    """A matrix of 64-bit words for intermediate results (only ever used under _lock, or by one thread)."""
    global _scratch
    if len(_scratch) < rows * columns:
        _scratch = np.empty(rows * columns, dtype=np.uint64)
    return _scratch[: rows * columns].reshape(rows, columns)


def _matrix_without(matrix: np.ndarray, p: int, words: int) -> np.ndarray:
    """The bitsets (rows of 64-bit words) with position p taken out, the positions above it moved
    down one, in `words` words."""
    k, n = matrix.shape
    w, b = divmod(p, 64)
    out = np.empty((k, n), dtype=np.uint64)
    out[:, :w] = matrix[:, :w]
    np.right_shift(matrix[:, w:], 1, out=out[:, w:])  # each word from w down one bit...
    carry = _scratch_matrix(k, n - w - 1)
    np.left_shift(matrix[:, w + 1 :], 63, out=carry)
    out[:, w : n - 1] |= carry  # ...its top bit the next word's lowest
    low = _LOW[b]
    out[:, w] = (matrix[:, w] & low) | (out[:, w] & ~low)  # the bits below p stay where they were
    return out if words == n else np.ascontiguousarray(out[:, :words])


def _matrix_spread(matrix: np.ndarray, p: int, words: int) -> np.ndarray:
    """The bitsets (rows of 64-bit words) with an empty position p made, the positions from p moved up
    one, in `words` words."""
    k, n = matrix.shape
    w, b = divmod(p, 64)
    out = np.empty((k, words), dtype=np.uint64)
    out[:, : min(w, n)] = matrix[:, :w]
    out[:, n:] = 0
    if w >= n:
        return out
    np.left_shift(matrix[:, w:], 1, out=out[:, w:n])  # each word from w up one bit...
    carry = _scratch_matrix(k, n - w)
    np.right_shift(matrix[:, w:], 63, out=carry)
    out[:, w + 1 : n + 1] |= carry[:, : min(n, words - 1) - w]  # ...its lowest the previous word's top
    out[:, w] = (matrix[:, w] & _LOW[b]) | (out[:, w] & ~_LOW[b + 1])  # below p as it was, p empty
    return out


def with_changes(index: FacetIndex, version, facts: dict[int, Facts | None], *, seen, log_since) -> FacetIndex:
    """A new index: `index` with these practices as they are now (taken out, put in or changed in
    place), for the price of a few vectorised shifts of its bitsets rather than reading every practice
    again."""
    ids, title_keys, published = array("q", index.ids), index.title_keys, index.published.copy()
    pk_at, by_title = index.pk_at.copy(), index._by_title.copy()
    keys, matrix, labels = list(index.postings), index.postings.matrix, dict(index.labels)
    link_place, link_position = index.link_place, index.link_position
    emptied: set[int] = set()  # rows that lost a bit: options nobody may have any more
    for pk, fact in facts.items():
        found = np.flatnonzero(pk_at == pk)
        old = int(found[0]) if len(found) else None
        if old is not None:
            emptied |= set(np.flatnonzero((matrix[:, old >> 6] >> (old & 63)) & 1).tolist())
            matrix = _matrix_without(matrix, old, _words(len(ids) - 1))
            kept = link_position != old
            link_place, link_position = link_place[kept], link_position[kept]
            link_position[link_position > old] -= 1
            del ids[old]
            title_keys = np.delete(title_keys, old)
            published, pk_at = np.delete(published, old), np.delete(pk_at, old)
            by_title = by_title[by_title != old]
            by_title[by_title > old] -= 1
        if fact is None:
            continue
        # Newest first, as newest_first() orders: later publication, then higher primary key, first.
        p = int(np.count_nonzero((published > fact.published) | ((published == fact.published) & (pk_at > pk))))
        matrix = _matrix_spread(matrix, p, _words(len(ids) + 1))
        rows = {key: i for i, key in enumerate(keys)}
        if missing := [key for key in fact.keys if key not in rows]:  # options nobody had, or has any more
            rows.update((key, len(keys) + i) for i, key in enumerate(missing))
            keys += missing
            matrix = np.concatenate([matrix, np.zeros((len(missing), matrix.shape[1]), dtype=np.uint64)])
        for key in fact.keys:
            matrix[rows[key], p >> 6] |= np.uint64(1 << (p & 63))
            if key not in labels:  # a country or a year nobody had
                labels[key] = country_name(key[1]) if key[0] == "country" else key[1]
        link_position = link_position + (link_position >= p)
        places = np.array(fact.places, dtype=np.int64)
        # After the links of a place that come before p: ordered by place, then position.
        at = np.searchsorted(link_place * (len(ids) + 2) + link_position, places * (len(ids) + 2) + p)
        link_place, link_position = np.insert(link_place, at, places), np.insert(link_position, at, p)
        ids.insert(p, pk)
        title_keys = np.insert(title_keys, p, fact.title_key)
        published, pk_at = np.insert(published, p, fact.published), np.insert(pk_at, p, pk)
        by_title[by_title >= p] += 1
        j = bisect.bisect_left(by_title, (fact.title_key, pk), key=lambda i: (title_keys[i], ids[i]))
        by_title = np.insert(by_title, j, p)
    labels = ordered_labels(labels)
    # Options nobody has any more are left out, and the rest ordered as the labels are, as a build does.
    emptied = {i for i in emptied if i < len(matrix) and not matrix[i].any()}
    rows = {key: i for i, key in enumerate(keys)}
    order = [rows[key] for key in labels if key in rows and rows[key] not in emptied]
    if order != list(range(len(keys))):
        keys, matrix = [keys[i] for i in order], matrix[order]
    # The labels translated for each language so far, unless a new option needs one (translated then).
    labels_in = {
        language: translated
        for language, translated in index._labels_in.items()
        if all(key in translated for key in labels)
    }
    return FacetIndex(
        version=version,
        ids=ids,
        title_keys=title_keys,
        published=published,
        postings=Postings(keys, np.ascontiguousarray(matrix)),
        labels=labels,
        link_place=link_place,
        link_position=link_position,
        vocabulary=index.vocabulary,
        seen=seen,
        log_since=log_since,
        by_title=by_title,
        pk_at=pk_at,
        labels_in=labels_in,
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
# Memo entries of practices' figures (PracticeFigures): results.RANKING_FIGURES, results.DOCUMENT_LENGTHS.
CARRIED_FIGURES = frozenset({"ranking figures", "document lengths"})
# What an update in place carries over (FacetIndex.carry_matches): the words' matches (results.MATCHES), figures.
CARRIED = frozenset({"search", *CARRIED_FIGURES})
# Memo entries about practices only (and results.LATEST_HEAD_MATCHES): another kind's change keeps them.
KEPT_ACROSS_KINDS = frozenset({*CARRIED, "latest head matches"})
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
    """The change log rows `index` has not taken in yet as (row id, kind, object id), with the rows
    and the start of the window it will have seen once it has; None when the log cannot tell (the
    index looked last further back than the log keeps)."""
    if index.log_since < timezone.now() - timedelta(days=CHANGE_LOG_DAYS) + CHANGE_WINDOW:
        return None
    rows = list(
        ListingChange.objects.filter(created_at__gte=index.log_since).values_list(
            "pk", "kind", "object_id", "created_at"
        )
    )
    unseen = [(pk, kind, object_id) for pk, kind, object_id, _ in rows if pk not in index.seen]
    log_since = max(index.log_since, timezone.now() - CHANGE_WINDOW)
    seen = {pk: at for pk, _, _, at in rows if at >= log_since}
    return unseen, seen, log_since


def _catch_up(index: FacetIndex, version) -> FacetIndex | None:
    """The index with the logged changes it has not seen taken in, or None if it must be rebuilt."""
    if version & 1 or (changes := unseen_changes(index)) is None:
        return None
    unseen, seen, log_since = changes
    if any(object_id is None and kind in ("", PRACTICE) for _, kind, object_id in unseen):
        return None  # anything, or any practice, may have changed
    pks = sorted({object_id for _, kind, object_id in unseen if kind == PRACTICE})
    if len(pks) > DELTA_LIMIT:
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
    updated = with_changes(index, version, facts, seen=seen, log_since=log_since)
    updated.carry_matches(index, pks)
    return updated


def rebuilt_on_changes_of(kind: str) -> Callable[[FacetIndex, object], FacetIndex | None]:
    """The catch-up of a kind's index that is rebuilt on any change of its own (the resources', the
    pledges'): it keeps the index while every change since it was built was another kind's (a
    practice's, an event's…), and rebuilds it for one of its own or a bulk change."""

    def catch_up(index: FacetIndex, version) -> FacetIndex | None:
        if version & 1 or (changes := unseen_changes(index)) is None:
            return None
        unseen, seen, log_since = changes
        if not unseen or any(changed in ("", kind) for _, changed, _ in unseen):
            return None
        index.version, index.seen, index.log_since = version, seen, log_since
        return index

    return catch_up


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
