"""A search over published practices: the query as typed, what was run, and its results.

The engine finds the matching practices; the page's filters, the count, the facet counts and
the date order come from the facet index (practices/facet_index.py), as on the practice list.
The engine then ranks the practices of the page's tier and block (RankedResults).

When nothing matches, the search tries again with misspelt words corrected, then with any
of the words instead of all of them, and says which it did.
"""

from dataclasses import dataclass, field
from functools import cached_property

import django_filters
import numpy as np
from django.utils.translation import gettext_lazy as _

from hub.practices.facet_index import SMALL_ENTRY_BYTES, FacetIndex, PracticeSelection, facet_index
from hub.practices.filters import PracticeFilter
from hub.practices.models import Practice
from hub.search.carry import LATEST_HEAD_MATCHES, MATCHES, carried_over
from hub.search.engines import Tier, get_engine, inverse_document_frequencies
from hub.search.query import ParsedQuery, Term, parse
from hub.search.snippets import query_terms
from hub.search.spelling import corrections, expansions, term_frequencies


class SearchFilter(PracticeFilter):
    """The practice list's filters; the words go to the search engine, and it sorts by relevance."""

    q = django_filters.CharFilter(label=_("Words"), method="filter_words")  # any length: parse() cuts it
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first"))],
        method="sort_by",
        empty_label=None,
    )

    def filter_words(self, queryset, name, value):
        return queryset


# A tier is ranked a block at a time, the latest added first: the first page of a word that is in
# the title or summary of 30 000 practices ranks the latest 2 000 of them, not all 30 000. Where a
# tier is smaller (any but the commonest words), the whole of it is ranked at once.
RANK_BLOCK = 2_000


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
        start, stop = page.start or 0, min(page.stop or search.count, search.count)
        ids = self._first_block(start, stop)
        if ids is None:
            ids = self._tiers(start, stop)
        # Published checked in Python, as PracticeSelection does: with the status in SQL, SQLite reads
        # the status index (every published practice) rather than the 20 rows by key.
        found = {p.pk: p for p in Practice.objects.filter(pk__in=ids).for_cards() if p.is_published}
        return [found[pk] for pk in ids if pk in found]

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
            self._latest_head_matches,
            size=lambda ids: ids.nbytes + SMALL_ENTRY_BYTES,
        )
        if len(block) < RANK_BLOCK:  # the whole head tier: _tiers takes it from the memo
            search.remember_head(block)
            return None
        return self._ranked(Tier.HEAD, np.sort(block)[::-1], start, stop)

    def _latest_head_matches(self) -> np.ndarray:
        """The RANK_BLOCK head matches with the highest ids (fewer: the whole head tier), from the
        block the previous index kept if the practices changed since leave it whole."""
        search = self.search
        carried = carried_over(search.index)
        block = carried.take((LATEST_HEAD_MATCHES, search.executed_key)) if carried is not None else None
        if block is not None:
            found = carried.patched(
                block, lambda changed: search.engine.matching_ids(search.indexed, head=True, among=changed)
            )
            if len(block) < RANK_BLOCK:  # it was the whole head tier: so is this
                return np.sort(found)[::-1][:RANK_BLOCK]
            # Matches older than the block were never seen: it is still the latest if it is full above them.
            latest = found[found >= block.min()]
            if len(latest) >= RANK_BLOCK:
                return np.sort(latest)[::-1][:RANK_BLOCK]
        return search.engine.latest_ids(search.indexed, head=True, limit=RANK_BLOCK)

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
        ids = []
        stop = min(stop, len(candidates))
        while start < stop:
            block_start = start - start % RANK_BLOCK
            block = candidates[block_start : block_start + RANK_BLOCK]
            limit = min(stop, block_start + len(block)) - start
            ids += self.search.engine.ranked_ids(
                self.search.indexed,
                tier,
                block,
                limit=limit,
                offset=start - block_start,
                idfs=self.search.idfs,
            )
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

        What the engine finds is kept with the facet index, and carried over to the next index after
        a publication (carry.py): a common word matches most practices, and collecting 90 000 ids
        from the engine is most of what a search costs. All the groups of words searched together
        before, or a group searched before (`refugees` of `refugees housing`), are taken from
        there; the engine is asked once for the rest of the query, all its groups together."""
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
        key = self._key(groups, head)

        def ask_engine() -> int:
            indexed = self._within_index(ParsedQuery(groups))
            if indexed is None:  # a word the index does not hold: nothing to ask
                return 0
            carried = carried_over(self.index)
            kept = carried.take(key) if carried is not None else None
            if kept is None:
                return self.index.of_id_array(self.engine.matching_ids(indexed, head=head))
            found = carried.patched(kept, lambda changed: self.engine.matching_ids(indexed, head=head, among=changed))
            return self.index.of_id_array(found)

        return self.index.memo.get(key, ask_engine, size=_bitset_size)

    def _kept(self, groups: list[list[Term]], head: bool) -> int | None:
        """The matches of these groups if this index keeps them or the previous one did, else None."""
        key = self._key(groups, head)
        found = self.index.memo.peek(key)
        if found is None and key in (carried_over(self.index) or ()):
            found = self._engine_matches(groups, head)
        return found

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

    def results(self):
        if self.executed is None:
            return []
        if self.sort == "newest":
            return PracticeSelection(self.index, self.bits)
        return RankedResults(self)


def search_practices(text: str, filterset: PracticeFilter | None = None) -> PracticeSearch:
    parsed = parse(text)
    sort = (filterset.cleaned().get("sort") if filterset is not None else None) or "relevance"
    index = facet_index()
    carried_over(index)  # first: what changed is read before any match is found with this index
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
    if search.count == 0 and search.filtered:
        search.unfiltered_count = matched.bit_count()
    return search
