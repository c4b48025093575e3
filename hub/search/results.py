"""A search over published practices: the query as typed, what was run, and its results.

The engine finds the matching practices (the practice kind's range of documents: kinds.py); the
page's filters, the count, the facet counts and the date order come from the facet index
(facet_index.py), as on the practice list.
The engine then ranks the practices of the page's tier and block (RankedResults).

When nothing matches, the search tries again with misspelt words corrected, then with any
of the words instead of all of them, and says which it did.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

import django_filters
import numpy as np
from django.utils.module_loading import import_string

from hub.practices.models import Practice
from hub.search.engines import Tier, get_engine, inverse_document_frequencies
from hub.search.facet_index import SMALL_ENTRY_BYTES, FacetIndex, FacetOption, Memo, PracticeSelection, facet_index
from hub.search.fusion import FusedResults, meaning_ids, wants_meaning
from hub.search.kinds import PRACTICES, SearchKind, search_kind_named
from hub.search.query import ParsedQuery, Term, parse
from hub.search.snippets import query_terms
from hub.search.spelling import corrections, expansions, term_frequencies

# A tier is ranked a block at a time, the latest added first: the first page of a word that is in
# the title or summary of 30 000 practices ranks the latest 2 000 of them, not all 30 000. Where a
# tier is smaller (any but the commonest words), the whole of it is ranked at once.
RANK_BLOCK = 2_000
# The memo keys of what a search keeps with the facet index: the matches of words (PracticeSearch._key),
# and the latest of their title-and-summary matches (RankedResults._first_block).
MATCHES, LATEST_HEAD_MATCHES = "search", "latest head matches"


class RankedResults:
    """Best first, ranked a page at a time: what Django's Paginator needs (len and slices).

    The order: the head tier (every word in the title or summary), then the other matches
    (engines.Tier); within a tier, blocks of RANK_BLOCK practices by id, latest first (a block is then
    a range of ids, which the engine can seek); within a block, the engine's ranking."""

    def __init__(self, search: "PracticeSearch"):
        self.search = search

    def __len__(self) -> int:
        return self.search.count

    def __getitem__(self, page: slice) -> list[Practice]:
        search = self.search
        return published_cards(self.ids(page.start or 0, min(page.stop or search.count, search.count)))

    def ids(self, start: int, stop: int) -> list[int]:
        """The primary keys from `start` to `stop` of the ranking."""
        stop = min(stop, self.search.count)
        if start >= stop:
            return []
        ids = self._first_block(start, stop)
        if ids is None:
            ids = self._tiers(start, stop)
        return ids

    def _first_block(self, start: int, stop: int) -> list[int] | None:
        """A page within the head tier's first block, when no filter or excluded word narrows the
        search and its head tier is not known yet: the engine gives that block itself, the latest
        head matches, by reading the newest practices until it has them (PostgreSQL: 5 ms, where
        collecting the 30 000 of a common word takes 16). None when the page needs more than that."""
        search = self.search
        if search.filtered or search.executed.excluded or stop > RANK_BLOCK or search.head_known():
            return None
        block = search.index.memo.get(
            (LATEST_HEAD_MATCHES, search.executed_key),
            lambda: search.engine.latest_ids(search.indexed, head=True, limit=RANK_BLOCK, kind=search.kind),
            size=lambda ids: ids.nbytes + SMALL_ENTRY_BYTES,
        )
        if len(block) < RANK_BLOCK:  # the whole head tier: _tiers takes it from the memo
            search.remember_head(block)
            return None
        return self._ranked(Tier.HEAD, np.sort(block)[::-1], start, stop)

    def _tiers(self, start: int, stop: int) -> list[int]:
        search = self.search
        head = search.head_bits()
        ids, tier_start = [], 0
        for tier, bits in ((Tier.HEAD, head), (Tier.REST, search.bits & ~head)):
            size = bits.bit_count()
            if start < tier_start + size and stop > tier_start:
                candidates = self._latest_first(bits)
                ids += self._ranked(tier, candidates, max(start, tier_start) - tier_start, stop - tier_start)
            tier_start += size
        return ids

    def _latest_first(self, bits: int) -> np.ndarray:
        return np.sort(self.search.index.id_array(bits))[::-1]

    def _ranked(self, tier: Tier, candidates, start: int, stop: int) -> list[int]:
        search = self.search
        return ranked(search.engine, search.indexed, search.idfs, tier, candidates, start, stop)


def published_cards(ids: list[int]) -> list[Practice]:
    """These practices, published ones only, in this order, ready for their cards."""
    # Published checked in Python, as PracticeSelection does: with the status in SQL, SQLite reads
    # the status index (every published practice) rather than the 20 rows by key.
    found = {p.pk: p for p in Practice.objects.filter(pk__in=ids).for_cards() if p.is_published}
    return [found[pk] for pk in ids if pk in found]


def ranked(engine, parsed: ParsedQuery, idfs, tier: Tier, candidates, start: int, stop: int) -> list[int]:
    """Ids from `start` to `stop` of the `candidates` of one tier (latest first) in the engine's order,
    a block of RANK_BLOCK at a time."""
    ids = []
    stop = min(stop, len(candidates))
    while start < stop:
        block_start = start - start % RANK_BLOCK
        block = candidates[block_start : block_start + RANK_BLOCK]
        limit = min(stop, block_start + len(block)) - start
        ids += engine.ranked_ids(parsed, tier, block, limit=limit, offset=start - block_start, idfs=idfs)
        start += limit
    return ids


def _bitset_size(bits: int) -> int:
    return (bits.bit_length() + 7) // 8 + SMALL_ENTRY_BYTES


@dataclass
class PracticeSearch:
    text: str
    parsed: ParsedQuery
    index: FacetIndex
    filter_bits: int  # the practices that the page's filters keep, as a bitset of the facet index
    filtered: bool = False  # whether any filter is in force
    sort: str = "relevance"
    executed: ParsedQuery | None = None  # what ran: the query, corrected, or relaxed
    corrected: bool = False  # misspelt words were corrected because the query found nothing
    relaxed: bool = False  # nothing had every word: these have some
    expanded: dict[str, str] = field(default_factory=dict)  # rare words also looked for as a common one
    suggestion: ParsedQuery | None = None  # "Did you mean …" beside results of the query as typed
    bits: int = 0  # the matches that the filters keep
    unfiltered_count: int = 0  # when filters leave nothing, how many match without them
    engine: object = field(default_factory=get_engine)
    kind: SearchKind = field(default_factory=lambda: search_kind_named(PRACTICES))
    # Search by meaning (fusion.py): the practices closest in meaning, and the full text's own matches.
    meaning: list[int] = field(default_factory=list)
    fulltext_bits: int | None = None  # None: no fusion, `bits` are the full text's

    @property
    def count(self) -> int:
        return self.bits.bit_count()

    @cached_property
    def indexed(self) -> ParsedQuery:
        """What ran, with only the alternatives of its words that the index holds: what the engine ranks."""
        return self._within_index(self.executed) or self.executed

    def _within_index(self, query: ParsedQuery) -> ParsedQuery | None:
        """ParsedQuery.within the vocabulary: None if the index cannot match it."""
        return query.within(term_frequencies(query.index_terms(), self.index.memo))

    @cached_property
    def idfs(self) -> list[float]:
        frequency = term_frequencies(self.executed.index_terms(), self.index.memo)
        return inverse_document_frequencies(self.executed, len(self.index.ids), frequency)

    @cached_property
    def terms(self) -> frozenset[str]:
        return query_terms(self.executed) if self.executed else frozenset()

    def matches(self, parsed: ParsedQuery, *, head: bool = False) -> int:
        """The bitset of the published practices that match, before the filters (head: with every
        group of words in their title or summary; the excluded words are left to the full query).

        What the engine finds is kept with the facet index until the next publication: a common word
        matches most practices, and collecting 90 000 ids from the engine is most of what a search
        costs. All the groups of words searched together before, or a group searched before
        (`refugees` of `refugees housing`), are taken from there; the engine is asked once for the
        rest of the query, all its groups together."""
        bits = self._kept(parsed.groups, head) if len(parsed.groups) > 1 else None
        if bits is None:
            bits, asked = self.index.everything, []
            for group in parsed.groups:
                found = self._kept([group], head)
                if found is None:
                    asked.append(group)
                else:
                    bits &= found
            if asked:
                bits &= self._engine_matches(asked, head)
        if not head:
            for term in parsed.excluded:
                bits &= ~self._engine_matches([[term]], head=False)
        return bits

    @staticmethod
    def _key(groups: list[list[Term]], head: bool) -> tuple:
        return (MATCHES, head, tuple(tuple(group) for group in groups))

    def _engine_matches(self, groups: list[list[Term]], head: bool) -> int:
        def ask_engine() -> int:
            indexed = self._within_index(ParsedQuery(groups))
            if indexed is None:  # a word the index does not hold: nothing to ask
                return 0
            return self.index.of_id_array(self.engine.matching_ids(indexed, head=head, kind=self.kind))

        return self.index.memo.get(self._key(groups, head), ask_engine, size=_bitset_size)

    def _kept(self, groups: list[list[Term]], head: bool) -> int | None:
        """The matches of these groups if this index keeps them, else None."""
        return self.index.memo.peek(self._key(groups, head))

    def head_bits(self) -> int:
        """The matches with every word in their title or summary (that the filters keep)."""
        return self.matches(self.executed, head=True) & self.bits

    @property
    def executed_key(self) -> tuple:
        return self._key(self.executed.groups, head=True)

    def head_known(self) -> bool:
        """Whether head_bits() needs no engine: every group's head matches are kept, or all of them together."""
        groups = self.executed.groups
        return self._kept(groups, head=True) is not None or all(
            self._kept([group], head=True) is not None for group in groups
        )

    def remember_head(self, ids: np.ndarray) -> None:
        """Keep the head matches of what ran, found whole another way (RankedResults._first_block)."""
        self.index.memo.get(self.executed_key, lambda: self.index.of_id_array(ids), size=_bitset_size)

    def newest_ids(self, limit: int) -> list[int]:
        return self.index.pks(self.bits, start=0, stop=limit)

    @property
    def meaning_only_count(self) -> int:
        """How many of the results are found by their meaning alone, not by the words."""
        return 0 if self.fulltext_bits is None else (self.bits & ~self.fulltext_bits).bit_count()

    def results(self):
        if self.executed is None:
            return []
        if self.sort == "newest":
            return PracticeSelection(self.index, self.bits)
        if self.fulltext_bits is not None:
            fulltext = RankedResults(replace(self, bits=self.fulltext_bits))
            return FusedResults(fulltext, self.meaning, self.count, published_cards)
        return RankedResults(self)

    def add_meaning(self) -> None:
        """Fuse the practices closest in meaning into the results (fusion.py): they join the count and
        the facets. Nothing changes when no vector is close enough, or none exists."""
        if not wants_meaning(self.text, self.parsed):
            return
        meaning = meaning_ids(self.text, self.index.id_array(self.filter_bits))
        if meaning:
            self.meaning, self.fulltext_bits = meaning, self.bits
            self.bits |= self.index.of_ids(meaning)


def practice_filterset_class() -> type[django_filters.FilterSet]:
    """The site search's filters of practices, as the practice kind registered them (hub/practices/search.py):
    practices hands search its filters; search does not reach into practices for them."""
    return import_string(search_kind_named(PRACTICES).extra["filterset"])


def search_practices(
    text: str, filterset: django_filters.FilterSet | None = None, *, meaning: bool = True
) -> PracticeSearch:
    parsed = parse(text)
    sort = (filterset.cleaned().get("sort") if filterset is not None else None) or "relevance"
    index = facet_index()
    chosen = filterset.chosen() if filterset is not None else {}
    search = PracticeSearch(
        text=text, parsed=parsed, index=index, filter_bits=index.select(chosen), filtered=bool(chosen), sort=sort
    )
    if parsed.is_empty:
        return search
    search.expanded = expansions(parsed, index.memo)
    if search.expanded:
        parsed = parsed.with_alternatives(search.expanded)
    matched = search.matches(parsed)
    search.executed, search.bits = parsed, matched & search.filter_bits
    fixes = corrections(parsed, index.memo)
    corrected = parsed.replace_words(fixes) if fixes else None
    if search.count == 0:
        if corrected is not None and (found := search.matches(corrected)) & search.filter_bits:
            search.executed, search.bits, search.corrected = corrected, found & search.filter_bits, True
            matched = found
        elif len(parsed.positive_terms()) > 1:
            relaxed = (corrected or parsed).relaxed()
            if (found := search.matches(relaxed)) & search.filter_bits:
                search.executed, search.bits, search.relaxed = relaxed, found & search.filter_bits, True
                search.corrected = corrected is not None
                matched = found
    elif corrected is not None and search.matches(corrected):
        search.suggestion = corrected
    if meaning:
        search.add_meaning()
    if search.count == 0 and search.filtered:
        search.unfiltered_count = matched.bit_count()
    return search


def kind_count(kind: SearchKind, text: str) -> int:
    """How many published objects of the kind match the words: the count on its tab."""
    return search_practices(text).count if kind.slug == PRACTICES else search_kind(kind, text).count


@dataclass
class KindSearch:
    """A search over the published objects of a kind other than practices (kinds.SearchKind).

    The engine finds the kind's matches (its range of document ids) and ranks them, in the same two
    tiers and blocks as practices; the kind's facets are counted over the matches from one query of
    the facet fields of its published objects. A kind holds thousands of objects, not 100 000
    practices: such a query costs a few milliseconds, where a facet index of bitsets would be one
    more thing kept in every process. A kind that grows to practices' size gets one then."""

    kind: SearchKind
    text: str
    parsed: ParsedQuery
    chosen: dict[str, str]  # facet name -> value as typed
    executed: ParsedQuery | None = None
    matched: list[tuple] = field(default_factory=list)  # (pk, facet values…) of the published matches
    ids: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # document ids, filtered
    head: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))  # of them, the head tier
    indexed: ParsedQuery | None = None
    idfs: list[float] = field(default_factory=list)
    engine: object = field(default_factory=get_engine)

    @property
    def count(self) -> int:
        return len(self.ids)

    @cached_property
    def terms(self) -> frozenset[str]:
        return query_terms(self.executed) if self.executed else frozenset()

    def facets(self) -> dict[str, list[FacetOption]]:
        """Each facet's values among the matches (with the other facets' filters: a facet never
        narrows its own options), the most frequent first."""
        options = {}
        for position, facet in enumerate(self.kind.facets, start=1):
            others = {name: value for name, value in self.chosen.items() if name != facet.name}
            counted = Counter(row[position] for row in self.matched if self._keeps(row, others))
            counted.pop(None, None)
            counted.pop("", None)
            labels = self._labels(facet, list(counted))
            found = [FacetOption(str(value), labels[value], n) for value, n in counted.items()]
            options[facet.name] = sorted(found, key=lambda option: (-option.count, option.label))
        return options

    def _keeps(self, row: tuple, chosen: dict[str, str]) -> bool:
        return all(str(row[position]) == chosen[facet.name] for position, facet in self._chosen_facets(chosen))

    def _chosen_facets(self, chosen: dict[str, str]):
        return [(position, facet) for position, facet in enumerate(self.kind.facets, start=1) if facet.name in chosen]

    def _labels(self, facet, values: list) -> dict:
        model, model_field = self.kind.model_class, None
        for name in facet.field.split("__"):  # "topic__board": a field of a related model
            model_field = model._meta.get_field(name)
            model = model_field.related_model
        if model_field.is_relation:
            found = model_field.related_model._default_manager.in_bulk(values)
            return {value: str(found.get(value, value)) for value in values}
        choices = dict(model_field.flatchoices)
        return {value: str(choices.get(value, value)) for value in values}

    def results(self) -> "KindResults":
        return KindResults(self)


class KindResults:
    """A kind's matches best first, a page at a time: what Django's Paginator needs."""

    def __init__(self, search: KindSearch):
        self.search = search

    def __len__(self) -> int:
        return self.search.count

    def __getitem__(self, page: slice) -> list:
        search = self.search
        start, stop = page.start or 0, min(page.stop or search.count, search.count)
        ids, tier_start = [], 0
        rest = np.setdiff1d(search.ids, search.head)
        for tier, candidates in ((Tier.HEAD, search.head), (Tier.REST, rest)):
            size = len(candidates)
            if start < tier_start + size and stop > tier_start:
                latest = np.sort(candidates)[::-1]
                ids += ranked(
                    search.engine,
                    search.indexed,
                    search.idfs,
                    tier,
                    latest,
                    max(start, tier_start) - tier_start,
                    stop - tier_start,
                )
            tier_start += size
        pks = search.kind.object_ids(ids)
        found = search.kind.published().in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]


def search_kind(kind: SearchKind, text: str, chosen: dict[str, str] | None = None) -> KindSearch:
    """The published objects of `kind` that match the words and have the chosen facet values."""
    search = KindSearch(kind=kind, text=text, parsed=parse(text), chosen=dict(chosen or {}))
    if search.parsed.is_empty:
        return search
    search.executed = search.parsed
    # The words' frequencies are read afresh (one query), not from the facet index's memo: that is kept
    # until the listing version moves, which forum posts do not move (they are not listings), and it
    # would go on saying that a word first written in a post since is in no document.
    frequency = term_frequencies(search.parsed.index_terms(), Memo(budget=0))
    search.indexed = search.parsed.within(frequency)
    if search.indexed is None:  # a word no document holds
        return search
    matching = search.engine.matching_ids(search.indexed, kind=kind)
    fields = [facet.field for facet in kind.facets]
    published = {row[0]: row for row in kind.published().values_list("pk", *fields)}
    search.matched = [published[pk] for pk in kind.object_ids(matching).tolist() if pk in published]
    kept = [row[0] for row in search.matched if search._keeps(row, search.chosen)]
    search.ids = np.array(kind.document_ids(kept), dtype=np.int64)
    if len(search.ids):
        search.head = np.intersect1d(search.engine.matching_ids(search.indexed, head=True, kind=kind), search.ids)
    search.idfs = inverse_document_frequencies(search.executed, len(published), frequency)
    return search
