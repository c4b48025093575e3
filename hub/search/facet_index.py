"""The published practices' filter values, held in memory as bitsets.

A list narrowed by three filters, with counts for eleven facets, costs a dozen joins over hundreds
of thousands of rows in SQL; here it is a few integer ANDs and popcounts. Bit i stands for the i-th
published practice, newest first. Each process keeps one index and builds it again, with a handful
of plain queries, when listing.listing_version() changes: after anything public changes (a
publication, an edit or archiving of published content), whichever process made it. It is search's:
the practice list, topic pages and map ask it through facets.py.
"""

import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

import numpy as np
from django.conf import settings
from django.db.models import F
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import get_language
from django_countries import countries

from hub.places.models import Continent
from hub.practices.models import Practice
from hub.search.listing import listing_version
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
        self, *, version, ids: list[int], titles: list[str], postings: dict, labels: dict, place_postings: dict
    ):
        self.version = version
        self.place_postings = place_postings  # place id -> bitset, for the map
        self.ids = ids
        self.position = {pk: i for i, pk in enumerate(ids)}
        # The same two mappings as arrays, for selections of tens of thousands of practices (search
        # matches): a Python loop over 80 000 ids costs more than the whole rest of a search page.
        self.pk_at = np.array(ids, dtype=np.int64)
        self._position_of_pk = np.full(max(ids, default=0) + 1, -1, dtype=np.int64)
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
        self._by_title = sorted(range(len(ids)), key=lambda i: (titles[i].casefold(), ids[i]))
        self.memo = Memo(MEMO_BUDGET)

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
        options: dict[str, list[FacetOption]] = {facet: [] for facet in FACETS}
        labels = self._labels()
        selected = np.frombuffer(bits.to_bytes(self._words * 8, "little"), dtype=np.uint64)
        counts = np.bitwise_count(self._posting_matrix & selected).sum(axis=1, dtype=np.int64).tolist()
        for (facet, value), n in zip(self.postings, counts, strict=True):
            if n:
                options[facet].append(FacetOption(value, labels[facet, value], n))
        for facet in ALPHABETICAL:
            options[facet].sort(key=lambda option: alphabetical_key(option.label))
        return options

    def pks(self, bits: int, *, start: int, stop: int, by_title: bool = False) -> list[int]:
        """The primary keys of the selected practices from `start` to `stop`, newest first or by title."""
        chosen = _set_bits(bits)
        if by_title and bits == self.everything:
            chosen = iter(self._by_title)
        elif by_title:
            selected = set(chosen)
            chosen = (i for i in self._by_title if i in selected)
        return [self.ids[i] for i in islice(chosen, start, stop)]

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
        i = self.position.get(pk)
        if i is None:
            return None, None
        return (self.ids[i - 1] if i > 0 else None), (self.ids[i + 1] if i + 1 < len(self.ids) else None)


def ids_of(bits: int, pk_at: np.ndarray) -> np.ndarray:
    """The primary keys of a bitset of the index whose primary keys by position are `pk_at`."""
    packed = np.frombuffer(bits.to_bytes((len(pk_at) + 7) // 8, "little"), dtype=np.uint8)
    return pk_at[np.unpackbits(packed, count=len(pk_at), bitorder="little").astype(bool)]


def _bitset(positions) -> int:
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


def build_index(version) -> FacetIndex:
    published = Practice.objects.published()
    rows = list(
        published.newest_first().values_list(
            "pk",
            "title",
            "organisation__stakeholder_type",
            "implementation",
            "migrant_participation",
            "evidence",
            "start_date",
            "end_date",
        )
    )
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

    topic_slugs = {t.pk: (TOPIC_FACET[t.kind], t.slug) for t in topics}
    stakeholders = {s.pk: s.slug for s in stakeholder_types}
    target_group_slugs = {g.pk: g.slug for g in target_groups}
    for practice_id, topic_id in Practice.topics.through.objects.filter(practice__in=published).values_list(
        "practice_id", "topic_id"
    ):
        members[topic_slugs[topic_id]].append(position[practice_id])
    for practice_id, group_id in Practice.target_groups.through.objects.filter(practice__in=published).values_list(
        "practice_id", "targetgroup_id"
    ):
        members["target", target_group_slugs[group_id]].append(position[practice_id])
    places = Practice.places.through.objects.filter(practice__in=published).annotate(
        country=F("place__country"), continent=F("place__continent")
    )
    at_place: dict[int, list[int]] = {}
    for practice_id, place_id, country, continent in places.values_list(
        "practice_id", "place_id", "country", "continent"
    ):
        at_place.setdefault(place_id, []).append(position[practice_id])
        if ("country", country) not in members:
            declare("country", country, country_name(country))
        members["country", country].append(position[practice_id])
        if continent in continents:
            members["continent", continent].append(position[practice_id])

    this_year = timezone.now().year
    years: dict[int, list[int]] = {}
    for i, (_, _, stakeholder, implementation, participation, evidence, start, end) in enumerate(rows):
        if stakeholder:
            members["stakeholder", stakeholders[stakeholder]].append(i)
        for facet, value in (
            ("implementation", implementation),
            ("participation", participation),
            ("evidence", evidence),
        ):
            if value:
                members[facet, value].append(i)
        if start:
            # An ongoing practice, with no end, counts in every year up to this one, as the year filter does.
            last = end.year if end else max(start.year, this_year)
            for year in range(start.year, last + 1):
                years.setdefault(year, []).append(i)
    for year in sorted(years, reverse=True):
        declare("year", str(year), str(year))
        members["year", str(year)] = years[year]

    postings = {key: _bitset(positions) for key, positions in members.items() if positions}
    return FacetIndex(
        version=version,
        ids=ids,
        titles=[row[1] for row in rows],
        postings=postings,
        labels=labels,
        place_postings={place_id: _bitset(positions) for place_id, positions in at_place.items()},
    )


_lock = threading.Lock()
_current: FacetIndex | None = None


def facet_index() -> FacetIndex:
    """This process's index, built again if anything public changed since it was built."""
    global _current
    version = listing_version()
    index = _current
    if index is None or index.version != version:
        with _lock:
            if _current is None or _current.version != version:
                # In the site's language, whoever asks first: the order of the terms must not depend on it.
                with translation.override(settings.LANGUAGE_CODE):
                    _current = build_index(version)
            index = _current
    return index


class PracticeSelection:
    """The practices of a selection in list order, fetched from the database a page at a time.

    Django's Paginator takes it like a queryset: count() and slicing.
    """

    def __init__(self, index: FacetIndex, bits: int, *, by_title: bool = False):
        self.index, self.bits, self.by_title = index, bits, by_title

    def count(self) -> int:
        return self.bits.bit_count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Practice]:
        pks = self.index.pks(self.bits, start=window.start or 0, stop=window.stop, by_title=self.by_title)
        # Published checked again, since a practice archived a moment ago may still be in this process's
        # index; in Python, because with the status in SQL SQLite picks the status index over the key.
        found = {p.pk: p for p in Practice.objects.filter(pk__in=pks).for_cards() if p.is_published}
        return [found[pk] for pk in pks if pk in found]
