"""A search over published practices: the query as typed, what was run, and its results.

The engine finds the matching practices (the practice kind's range of documents: kinds.py), each group
of words on its own; the practices with every group, and the near matches with most of the rare ones
(ranking.py), are the results. The page's filters, the count, the facet counts and the date order come
from the facet index (facet_index.py), as on the practice list. Then the practices of the page's tier
and block are ranked (RankedResults, ranking.rank): in Python, from figures stored with each document,
so that both engines give the same order.

A word that neither the index nor a dictionary knows gets a "Did you mean …"; when the query as
typed finds nothing, the search runs again with it corrected and says so.

`lexical_ranking()` is the full-text ranking as a list of (document id, score), for fusion with
other rankings.
"""

import hashlib
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

import django_filters
import numpy as np
from django.core.cache import cache
from django.db import connection
from django.utils.module_loading import import_string

from hub.practices.models import Practice
from hub.search.engines import get_engine
from hub.search.facet_index import (
    SMALL_ENTRY_BYTES,
    FacetIndex,
    FacetOption,
    Memo,
    PracticeFigures,
    PracticeSelection,
    facet_index,
)
from hub.search.fusion import FULLTEXT_DEPTH, FusedResults, feedback_ids, fused_head, meaning_ids, wants_meaning
from hub.search.kinds import PRACTICES, SearchKind, search_kind_named, search_kinds
from hub.search.listing import documents_version
from hub.search.query import ParsedQuery, Term, parse
from hub.search.ranking import (
    FILL_BELOW,
    TIERS,
    Collection,
    Tier,
    idf,
    near_matches,
    ranked_figures,
    ranking_figures,
    some_matches,
)
from hub.search.snippets import query_terms
from hub.search.spelling import corrections, expansions, term_frequencies

# A tier is ranked a block at a time, the latest added first: the first page of a word that is in
# the title or summary of 30 000 practices ranks the latest 2 000 of them, not all 30 000. Where a
# tier is smaller (any but the commonest words), the whole of it is ranked at once.
RANK_BLOCK = 2_000
# The memo keys of what a search keeps with the facet index: the matches of words (PracticeSearch._key),
# the latest of their title-and-summary matches (RankedResults._first_block), the lengths of the
# practices' documents (PracticeSearch.collection), what the ranking reads of them for a query
# (_block_figures), a block ranked (_ranked_block). An update in place carries the matches and
# figures over (facet_index.CARRIED); a block ranked is not, for how rare the words are has moved.
MATCHES, LATEST_HEAD_MATCHES = "search", "latest head matches"
DOCUMENT_LENGTHS, RANKING_FIGURES, RANKED_BLOCK = "document lengths", "ranking figures", "ranked block"


@dataclass(frozen=True)
class Hit:
    """One result of the full-text ranking: what a fusion with another ranking needs."""

    document_id: int  # kinds.SearchKind.document_id: a practice's is its primary key
    score: float  # BM25 (ranking.py); comparable within a tier only
    tier: Tier


def average_length(kind: SearchKind) -> float:
    """The average number of words of the kind's documents (one read of an index)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT AVG(length) FROM search_searchdocument WHERE id BETWEEN %s AND %s", [kind.first_id, kind.last_id]
        )
        return float(cursor.fetchone()[0] or 0.0)


class RankedResults:
    """Best first, ranked a page at a time: what Django's Paginator needs (len and slices).

    The order: the tiers of ranking.Tier (every word in the title or summary, every word, most of the
    rare words); within a tier, blocks of RANK_BLOCK practices by id, latest first (a block is then
    a range of ids, which the engine can seek); within a block, ranking.rank."""

    def __init__(self, search: "PracticeSearch"):
        self.search = search

    def __len__(self) -> int:
        return self.search.count

    def __getitem__(self, page: slice) -> list[Practice]:
        return published_cards([hit.document_id for hit in self.hits(page)])

    def ids(self, start: int, stop: int) -> list[int]:
        """The primary keys from `start` to `stop` of the ranking (what the fusion reads)."""
        return [hit.document_id for hit in self.hits(slice(start, stop))]

    def tiered(self, start: int, stop: int) -> list[tuple[int, str]]:
        """(primary key, tier) from `start` to `stop` of the ranking (what the fusion weighs)."""
        return [(hit.document_id, str(hit.tier)) for hit in self.hits(slice(start, stop))]

    def hits(self, page: slice) -> list[Hit]:
        search = self.search
        start, stop = page.start or 0, min(page.stop or search.count, search.count)
        found = self._first_block(start, stop)
        return found if found is not None else self._tiers(start, stop)

    def _first_block(self, start: int, stop: int) -> list[Hit] | None:
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
        return ranked(search, Tier.HEAD, np.sort(block)[::-1], start, stop)

    def _tiers(self, start: int, stop: int) -> list[Hit]:
        search = self.search
        hits, tier_start = [], 0
        for tier, bits in search.tier_bits():
            size = bits.bit_count()
            if start < tier_start + size and stop > tier_start:
                candidates = np.sort(search.index.id_array(bits))[::-1]
                hits += ranked(search, tier, candidates, max(start, tier_start) - tier_start, stop - tier_start)
            tier_start += size
        return hits


def published_cards(ids: list[int]) -> list[Practice]:
    """These practices, published ones only, in this order, ready for their cards."""
    # Published checked in Python, as PracticeSelection does: with the status in SQL, SQLite reads
    # the status index (every published practice) rather than the 20 rows by key.
    found = {p.pk: p for p in Practice.objects.filter(pk__in=ids).for_cards() if p.is_published}
    return [found[pk] for pk in ids if pk in found]


def ranked(search, tier: Tier, candidates, start: int, stop: int) -> list[Hit]:
    """Hits from `start` to `stop` of the `candidates` of one tier (latest first) in ranking.rank's
    order, a block of RANK_BLOCK at a time."""
    hits = []
    stop = min(stop, len(candidates))
    while start < stop:
        block_start = start - start % RANK_BLOCK
        block = candidates[block_start : block_start + RANK_BLOCK]
        limit = min(stop, block_start + len(block)) - start
        ids, scores = _ranked_block(search, block)
        offset = start - block_start
        window = slice(offset, offset + limit)
        hits += [Hit(int(i), float(v), tier) for i, v in zip(ids[window], scores[window], strict=True)]
        start += limit
    return hits


def _ranked_block(search, block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The ids of a block best first and their scores; a practice search keeps them with the facet index
    (the next page, or the same search again, costs nothing), keyed by the query and the block's ids."""
    if not isinstance(search, PracticeSearch):  # another kind's search: nothing is kept for it
        figured = ranking_figures(search.engine.statistics_of(block), search.indexed)
        return ranked_figures(figured, search.idfs, search.collection)
    key = (RANKED_BLOCK, str(search.indexed), tuple(search.idfs), hash(block.tobytes()), len(block))
    return search.index.memo.get(
        key,
        lambda: ranked_figures(_block_figures(search, block), search.idfs, search.collection),
        size=lambda found: found[0].nbytes * 2 + SMALL_ENTRY_BYTES,
    )


def _block_figures(search: "PracticeSearch", block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """What the ranking reads of the block's documents for the query (ranking.ranking_figures). Reading
    and parsing 2 000 documents' statistics is most of what ranking a block costs, and how rare the
    words are moves with every publication: so the figures, which do not depend on it, are kept with
    the facet index for the query and carried over by an update in place but for the practices it
    changed; only the documents not kept are read. The scores are computed afresh (a few array
    operations), with how rare the words are now."""
    index, key = search.index, (RANKING_FIGURES, str(search.indexed))
    kept = index.memo.peek(key)
    taken = kept is None and (carried := index.take_carried_figures(key)) is not None
    if taken:
        kept = carried[0]
    missing = block if kept is None else block[~kept.has(block)]
    if len(missing):
        read = PracticeFigures.of(*ranking_figures(search.engine.statistics_of(missing), search.indexed))
        kept = read if kept is None else kept.merged(read)
    if len(missing) or taken:
        index.memo.put(key, kept, kept.nbytes)
    found = kept.of_pks(block)
    return found.pks, found.rows


def _bitset_size(bits: int) -> int:
    return (bits.bit_length() + 7) // 8 + SMALL_ENTRY_BYTES


def _members(bits: int, size: int) -> np.ndarray:
    """A bitset of the facet index as one boolean per practice."""
    packed = np.frombuffer(bits.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
    return np.unpackbits(packed, count=size, bitorder="little").astype(bool)


def _bits(members: np.ndarray) -> int:
    return int.from_bytes(np.packbits(members, bitorder="little").tobytes(), "little")


@dataclass
class PracticeSearch:
    text: str
    parsed: ParsedQuery
    index: FacetIndex
    filter_bits: int  # the practices that the page's filters keep, as a bitset of the facet index
    filtered: bool = False  # whether any filter is in force
    sort: str = "relevance"
    executed: ParsedQuery | None = None  # what ran: the query as typed, or corrected
    corrected: bool = False  # the query as typed found nothing; these are the results of the corrected one
    as_typed: bool = False  # the searcher asked for the words as typed, without correction
    relaxed: bool = False  # nothing had every word: these have most of them
    expanded: dict[str, str] = field(default_factory=dict)  # rare words also looked for as a common one
    suggestion: ParsedQuery | None = None  # "Did you mean …" beside results of the query as typed
    fixes: dict[str, str] = field(default_factory=dict)  # {misspelt word: correction} (spelling.corrections)
    every_bits: int = 0  # the matches with every group of words that the filters keep
    near_bits: int = 0  # the near matches (ranking.near_matches) that the filters keep
    some_bits: int = 0  # too few of those: the matches of any word (ranking.some_matches) that the filters keep
    unfiltered_count: int = 0  # when filters leave nothing, how many match without them
    engine: object = field(default_factory=get_engine)
    kind: SearchKind = field(default_factory=lambda: search_kind_named(PRACTICES))
    # Search by meaning (fusion.py): the practices closest in meaning, and the full text's own matches.
    meaning: list[int] = field(default_factory=list)
    feedback: list[int] = field(default_factory=list)  # by meaning again, with the first results' (fusion.py)
    fulltext_head: list | None = None  # the full text's first (id, tier), as add_meaning ranked them
    meaning_bits: int = 0  # the practices found by meaning or the feedback: they join the count and the facets

    @property
    def bits(self) -> int:
        return self.every_bits | self.near_bits | self.some_bits | self.meaning_bits

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
        """How rare each group of words of what ran is among the published practices."""
        total = len(self.index.ids)
        return [idf(self._group_bits(group).bit_count(), total) for group in self.executed.groups]

    @cached_property
    def collection(self) -> Collection:
        lengths = self._document_lengths().rows
        return Collection(len(self.index.ids), int(lengths.sum()) / len(lengths) if len(lengths) else 0.0)

    def _document_lengths(self) -> PracticeFigures:
        """The length of every practice's document (a document id is its practice's primary key): read
        whole once for the facet index, then carried over by each update in place but for the practices
        it changed, whose documents alone are read again (reading them all took 10 ms at 100 000)."""
        key = (DOCUMENT_LENGTHS, self.kind.slug)
        if (kept := self.index.memo.peek(key)) is not None:
            return kept
        carried = self.index.take_carried_figures(key)
        if carried is None:
            lengths = PracticeFigures.of(*self.engine.document_lengths(kind=self.kind))
        else:
            lengths, changed = carried
            if len(changed):
                lengths = lengths.merged(PracticeFigures.of(*self.engine.document_lengths(among=changed)))
        self.index.memo.put(key, lengths, lengths.nbytes)
        return lengths

    @cached_property
    def terms(self) -> frozenset[str]:
        return query_terms(self.executed) if self.executed else frozenset()

    def _group_bits(self, group: list[Term]) -> int:
        """The published practices that have this group of words, before the filters."""
        found = self._kept([group], head=False)
        return found if found is not None else self._engine_matches([group], head=False)

    def _excluded_bits(self, parsed: ParsedQuery) -> int:
        bits = 0
        for term in parsed.excluded:
            bits |= self._engine_matches([[term]], head=False)
        return bits

    def matches(self, parsed: ParsedQuery, *, head: bool = False) -> int:
        """The bitset of the published practices that match every group, before the filters (head: with
        every group of words in their title or summary; the excluded words are left to the full query).

        What the engine finds is kept with the facet index until the next publication: a common word
        matches most practices, and collecting 90 000 ids from the engine is most of what a search
        costs. Each group of words is asked for on its own (the near matches and the rarity of each
        need them apart) and kept; the title-and-summary matches of all the groups together are asked
        for together, and a group's kept ones are taken from memory."""
        if not head:
            bits = self.index.everything
            for group in parsed.groups:
                bits &= self._group_bits(group)
            return bits & ~self._excluded_bits(parsed)
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
        return bits

    def near(self, parsed: ParsedQuery, *, some: bool = False) -> int:
        """The near matches of the query (ranking.near_matches), before the filters; some: the matches
        of any of its words (ranking.some_matches) instead."""
        if len(parsed.groups) < 2:
            return 0
        size = len(self.index.ids)
        group_bits = [self._group_bits(group) for group in parsed.groups]
        members = [_members(bits, size) for bits in group_bits]
        required = [any(term.quoted for term in group) for group in parsed.groups]
        if some:
            found = some_matches(members, required)
        else:
            found = near_matches(members, [idf(bits.bit_count(), size) for bits in group_bits], required)
        return _bits(found) & ~self._excluded_bits(parsed)

    def run(self, parsed: ParsedQuery) -> bool:
        """Make `parsed` what ran, with its matches and near matches; whether the filters leave any."""
        self.executed = parsed
        self.every_bits = self.matches(parsed) & self.filter_bits
        self.near_bits = self.near(parsed) & self.filter_bits & ~self.every_bits
        self.some_bits = 0
        if (self.every_bits | self.near_bits).bit_count() < FILL_BELOW:
            self.some_bits = self.near(parsed, some=True) & self.filter_bits & ~(self.every_bits | self.near_bits)
        self.relaxed = not self.every_bits and bool(self.near_bits | self.some_bits)
        for name in ("indexed", "idfs", "terms"):
            self.__dict__.pop(name, None)
        return bool(self.bits)

    @staticmethod
    def _key(groups: list[list[Term]], head: bool) -> tuple:
        return (MATCHES, head, tuple(tuple(group) for group in groups))

    def _engine_matches(self, groups: list[list[Term]], head: bool) -> int:
        key = self._key(groups, head)

        def ask_engine() -> int:
            indexed = self._within_index(ParsedQuery(groups))
            carried = self.index.take_carried(key)
            if indexed is None:  # a word the index does not hold: nothing to ask
                return 0
            if carried is not None:
                # The matches found before the last updates in place still hold but for the practices
                # they changed: the engine is asked about those alone (FacetIndex.carry_matches).
                kept, changed = carried
                found = self.engine.matching_ids(indexed, head=head, among=changed) if len(changed) else changed
                return self.index.of_id_array(np.concatenate([kept, found]))
            return self.index.of_id_array(self.engine.matching_ids(indexed, head=head, kind=self.kind))

        return self.index.memo.get(key, ask_engine, size=_bitset_size)

    def _kept(self, groups: list[list[Term]], head: bool) -> int | None:
        """The matches of these groups if this index keeps them (or carried them over), else None."""
        found = self.index.memo.peek(self._key(groups, head))
        if found is None and self.index.carries(self._key(groups, head)):
            found = self._engine_matches(groups, head)
        return found

    def head_bits(self) -> int:
        """The matches with every word in their title or summary (that the filters keep)."""
        return self.matches(self.executed, head=True) & self.every_bits

    def tier_bits(self) -> list[tuple[Tier, int]]:
        head = self.head_bits()
        return list(zip(TIERS, (head, self.every_bits & ~head, self.near_bits, self.some_bits), strict=True))

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
    def meaning_fixes(self) -> dict[str, str]:
        """The words the model reads in place of the query's: its corrections and the words spelt like
        the practices' that it is also searched as (expanded)."""
        return {**self.fixes, **self.expanded}

    @property
    def meaning_only_count(self) -> int:
        """How many of the results are found by their meaning alone, not by the words."""
        return (self.meaning_bits & ~(self.every_bits | self.near_bits | self.some_bits)).bit_count()

    def results(self):
        if self.executed is None:
            return []
        if self.sort == "newest":
            return PracticeSelection(self.index, self.bits)
        if self.meaning:
            fulltext = RankedResults(replace(self, meaning=[], meaning_bits=0))
            head = self.fulltext_head
            return FusedResults(fulltext, self.meaning, self.count, published_cards, self.feedback, head)
        return RankedResults(self)

    def hits(self, limit: int) -> list[Hit]:
        """The first `limit` results best first, with their scores (whatever the sort)."""
        return RankedResults(self).hits(slice(0, limit)) if self.executed is not None else []

    def add_meaning(self, fixes: dict[str, str] | None = None) -> None:
        """Fuse the practices closest in meaning into the results (fusion.py): they join the count and
        the facets. Nothing changes when no vector is close enough, or none exists. fixes: {misspelt word:
        correction}, which the model reads instead (it knows `immigrants`, not `imigrants`)."""
        if not wants_meaning(self.text, self.parsed):
            return
        meaning = meaning_ids(self.text, self.index.id_array(self.filter_bits), fixes=fixes)
        if meaning.ids:
            # The feedback starts from the first fusion: the full text's first results are ranked here,
            # once (results() fuses them again with the feedback).
            self.fulltext_head = RankedResults(self).tiered(0, FULLTEXT_DEPTH)
            self.feedback = feedback_ids(meaning, fused_head(self.fulltext_head, meaning.ids))
            self.meaning, self.meaning_bits = meaning.ids, self.index.of_ids([*meaning.ids, *self.feedback])


def practice_filterset_class() -> type[django_filters.FilterSet]:
    """The site search's filters of practices, as the practice kind registered them (hub/practices/search.py):
    practices hands search its filters; search does not reach into practices for them."""
    return import_string(search_kind_named(PRACTICES).extra["filterset"])


def search_practices(
    text: str,
    filterset: django_filters.FilterSet | None = None,
    *,
    as_typed: bool = False,
    meaning: bool = True,
) -> PracticeSearch:
    """The published practices that match `text` (and the filters), ranked, with those closest in
    meaning fused in (meaning=False: words alone). as_typed: never corrected."""
    parsed = parse(text)
    sort = (filterset.cleaned().get("sort") if filterset is not None else None) or "relevance"
    index = facet_index()
    chosen = filterset.chosen() if filterset is not None else {}
    search = PracticeSearch(
        text=text,
        parsed=parsed,
        index=index,
        filter_bits=index.select(chosen),
        filtered=bool(chosen),
        sort=sort,
        as_typed=as_typed,
    )
    if parsed.is_empty:
        return search
    # A compound (myth-busting) that no practice has, as words side by side or as one word: its words.
    unfound = [group[0] for group in parsed.groups if len(group) == 1 and group[0].joined]
    unfound = [term for term in unfound if not search._group_bits([term])]
    if unfound:
        parsed = parsed.with_parts(unfound)
    search.expanded = expansions(parsed, index.memo)
    if search.expanded:
        parsed = parsed.with_alternatives(search.expanded)
    search.run(parsed)
    fixes = search.fixes = {} if as_typed else corrections(parsed, index.memo)
    if fixes:
        # What was typed found nothing with every word (what it found lacks the misspelt word): the
        # corrected words are searched instead, if they find more, and the page says so.
        corrected = parsed.replace_words(fixes)
        typed_bits, typed_every = search.bits, search.every_bits
        if not typed_every and search.run(corrected) and (search.every_bits or not typed_bits):
            search.corrected = True
        else:
            search.run(parsed)
            if search.matches(corrected) or search.near(corrected):
                search.suggestion = corrected
    if meaning:
        # The words as corrected or spelt like the practices' (search.expanded), for the model too.
        search.add_meaning(search.meaning_fixes)
    if search.count == 0 and search.filtered:
        search.unfiltered_count = (search.matches(search.executed) | search.near(search.executed)).bit_count()
    return search


def lexical_ranking(text: str, *, kind: str = PRACTICES, limit: int = 100) -> list[Hit]:
    """The full-text ranking of the published objects of a kind for `text`, best first, at most `limit`:
    what a fusion with another ranking (vectors) takes. A document id is the kind's number in its high
    bits and the object's primary key in the low ones (kinds.SearchKind.object_ids)."""
    searched = search_kind_named(kind)
    search = search_practices(text, meaning=False) if searched.slug == PRACTICES else search_kind(searched, text)
    return search.hits(limit)


def kind_count(kind: SearchKind, text: str) -> int:
    """How many published objects of the kind match the words: the count on its tab."""
    return search_practices(text).count if kind.slug == PRACTICES else tab_counts(text)[kind.slug]


TAB_COUNTS_SECONDS = 600  # a bound, should an object leave its kind's published ones unindexed


def tab_counts(text: str) -> dict[str, int]:
    """{kind: how many of its published objects match the words} for every kind but practices: the
    counts of the search page's other tabs. Counting a common word over 20 000 pledges costs more than
    the whole rest of the page, so the counts are kept in the cache for the words until an object of
    those kinds is indexed or taken out (listing.documents_version): a practice's publication keeps
    them."""
    kinds = [kind for kind in search_kinds() if kind.slug != PRACTICES]
    digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    key = f"search:tab-counts:{documents_version()}:{digest}"
    counts = cache.get(key) or {}
    if missing := [kind for kind in kinds if kind.slug not in counts]:
        counts = {**counts, **{kind.slug: search_kind(kind, text, count_only=True).count for kind in missing}}
        cache.set(key, counts, TAB_COUNTS_SECONDS)
    return counts


def _no_ids() -> np.ndarray:
    return np.empty(0, dtype=np.int64)


@dataclass
class KindSearch:
    """A search over the published objects of a kind other than practices (kinds.SearchKind).

    The engine finds the kind's matches (its range of document ids), with the near matches, and they are
    ranked in the same tiers and blocks as practices, by the same ranking (ranking.py); the kind's facets
    are counted over the matches from one query of
    the facet fields of its published objects. A kind holds thousands of objects, not 100 000
    practices: such a query costs a few milliseconds, where a facet index of bitsets would be one
    more thing kept in every process. A kind that grows to practices' size gets one then."""

    kind: SearchKind
    text: str
    parsed: ParsedQuery
    chosen: dict[str, str]  # facet name -> value as typed
    executed: ParsedQuery | None = None
    matched: list[tuple] = field(default_factory=list)  # (pk, facet values…) of the published matches
    ids: np.ndarray = field(default_factory=_no_ids)  # document ids of every match and near match, filtered
    head: np.ndarray = field(default_factory=_no_ids)  # of them, every word in the title or summary
    every: np.ndarray = field(default_factory=_no_ids)  # of them, every word somewhere
    near: np.ndarray = field(default_factory=_no_ids)  # of them, the near matches (the rest: any word)
    indexed: ParsedQuery | None = None
    idfs: list[float] = field(default_factory=list)
    collection: Collection = Collection(0, 0.0)
    engine: object = field(default_factory=get_engine)

    @property
    def count(self) -> int:
        return len(self.ids)

    @property
    def relaxed(self) -> bool:
        return not len(self.every) and bool(len(self.ids))

    def tier_ids(self) -> list[tuple[Tier, np.ndarray]]:
        rest = np.setdiff1d(self.every, self.head)
        some = np.setdiff1d(self.ids, np.union1d(self.every, self.near))
        return list(zip(TIERS, (self.head, rest, self.near, some), strict=True))

    def hits(self, limit: int) -> list[Hit]:
        """The first `limit` results best first, with their scores."""
        return KindResults(self).hits(slice(0, limit))

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
        pks = search.kind.object_ids([hit.document_id for hit in self.hits(page)])
        found = search.kind.published().in_bulk(pks)
        return [found[pk] for pk in pks if pk in found]

    def hits(self, page: slice) -> list[Hit]:
        search = self.search
        start, stop = page.start or 0, min(page.stop or search.count, search.count)
        hits, tier_start = [], 0
        for tier, candidates in search.tier_ids():
            size = len(candidates)
            if start < tier_start + size and stop > tier_start:
                latest = np.sort(candidates)[::-1]
                hits += ranked(search, tier, latest, max(start, tier_start) - tier_start, stop - tier_start)
            tier_start += size
        return hits


# Above this many documents matching some word, a kind's published rows are read whole rather than
# by id: one plain scan beats a long IN list (and SQLite caps a statement's parameters).
READ_BY_ID_BELOW = 2000


def _published_rows(kind: SearchKind, document_ids: np.ndarray, fields: list[str]) -> tuple[dict[int, tuple], int]:
    """The (pk, *fields) rows of the published objects among these documents, by pk, and how many
    objects of the kind are published: a search's tab reads its matches' rows, not the whole kind's."""
    published = kind.published()
    if len(document_ids) >= READ_BY_ID_BELOW:
        rows = {row[0]: row for row in published.values_list("pk", *fields)}
        return rows, len(rows)
    pks = kind.object_ids(document_ids).tolist()
    rows = {row[0]: row for row in published.filter(pk__in=pks).values_list("pk", *fields)} if pks else {}
    return rows, published.count()


def search_kind(
    kind: SearchKind, text: str, chosen: dict[str, str] | None = None, *, count_only: bool = False
) -> KindSearch:
    """The published objects of `kind` that match the words, or most of the rare ones, and have the
    chosen facet values. count_only: what a tab shows, the count alone (no facet values, nothing
    that ranking needs), for the words without facets."""
    search = KindSearch(kind=kind, text=text, parsed=parse(text), chosen=dict(chosen or {}))
    if search.parsed.is_empty:
        return search
    engine = search.engine

    def matching(groups) -> np.ndarray:
        indexed = ParsedQuery(groups).within(frequency)
        return engine.matching_ids(indexed, kind=kind) if indexed is not None else _no_ids()

    # The words' frequencies are read afresh (one query), not from the facet index's memo: that is kept
    # until the listing version moves, which forum posts do not move (they are not listings), and it
    # would go on saying that a word first written in a post since is in no document.
    frequency = term_frequencies(search.parsed.index_terms(), Memo(budget=0))
    # A compound that no object has, either way, is looked for as its words (as for practices).
    unfound = [g[0] for g in search.parsed.groups if len(g) == 1 and g[0].joined and not len(matching([g]))]
    if unfound:
        search.parsed = search.parsed.with_parts(unfound)
        frequency = term_frequencies(search.parsed.index_terms(), Memo(budget=0))
    search.executed = search.parsed
    search.indexed = search.parsed.within(frequency) or search.parsed

    matched_by_group = [matching([group]) for group in search.parsed.groups]
    fields = [] if count_only else [facet.field for facet in kind.facets]
    published, published_count = _published_rows(kind, np.unique(np.concatenate(matched_by_group)), fields)
    published_ids = np.array(kind.document_ids(list(published)), dtype=np.int64)
    per_group = [np.intersect1d(ids, published_ids) for ids in matched_by_group]
    excluded = np.concatenate([matching([[term]]) for term in search.parsed.excluded] or [_no_ids()])
    universe = np.setdiff1d(np.unique(np.concatenate(per_group)), excluded)
    members = [np.isin(universe, ids) for ids in per_group]
    every = universe[np.logical_and.reduce(members)] if members else _no_ids()
    search.idfs = [idf(len(ids), published_count) for ids in per_group]
    required = [any(term.quoted for term in group) for group in search.parsed.groups]
    near = universe[near_matches(members, search.idfs, required)]
    found = np.union1d(every, near)
    if len(found) < FILL_BELOW and len(members) > 1:
        found = universe[some_matches(members, required)]
    if count_only:
        search.ids = found  # every one published (per_group); no facet chosen
        return search
    search.matched = [published[pk] for pk in kind.object_ids(found).tolist() if pk in published]
    kept = [row[0] for row in search.matched if search._keeps(row, search.chosen)]
    search.ids = np.array(kind.document_ids(kept), dtype=np.int64)
    search.every = np.intersect1d(every, search.ids)
    search.near = np.intersect1d(near, search.ids)
    if len(search.every):
        search.head = np.intersect1d(engine.matching_ids(search.indexed, head=True, kind=kind), search.every)
    search.collection = Collection(published_count, average_length(kind))
    return search
