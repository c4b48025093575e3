"""A search over published practices: the query as typed, what was run, and its results.

When nothing matches, the search tries again with misspelt words corrected, then with any
of the words instead of all of them, and says which it did.
"""

from dataclasses import dataclass, field
from functools import cached_property

import django_filters
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from hub.practices.filters import PracticeFilter
from hub.practices.models import Practice
from hub.search.engines import get_engine
from hub.search.query import ParsedQuery, parse
from hub.search.snippets import query_terms
from hub.search.spelling import corrections, expansions


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


class RankedResults:
    """Best first, fetched a page at a time: what Django's Paginator needs (len and slices)."""

    def __init__(self, engine, parsed: ParsedQuery, within, count: int):
        self.engine, self.parsed, self.within, self._count = engine, parsed, within, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, page: slice) -> list[Practice]:
        limit = max(0, (page.stop or self._count) - (page.start or 0))
        ids = self.engine.ranked_ids(self.parsed, self.within, limit=limit, offset=page.start or 0)
        found = Practice.objects.published().for_cards().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


@dataclass
class PracticeSearch:
    text: str
    parsed: ParsedQuery
    filterset: PracticeFilter | None = None
    sort: str = "relevance"
    executed: ParsedQuery | None = None  # what ran: the query, corrected, or relaxed
    corrected: bool = False  # misspelt words were corrected because the query found nothing
    relaxed: bool = False  # nothing had every word: these have some
    expanded: dict[str, str] = field(default_factory=dict)  # rare words also looked for as a common one
    suggestion: ParsedQuery | None = None  # "Did you mean …" beside results of the query as typed
    count: int = 0
    unfiltered_count: int = 0  # when filters leave nothing, how many match without them
    engine: object = field(default_factory=get_engine)

    @property
    def within(self):
        """The filtered queryset to narrow matches to, or None when no filter is in force."""
        if self.filterset is not None and self.filterset.active():
            return self.filterset.qs
        return None

    @cached_property
    def terms(self) -> frozenset[str]:
        return query_terms(self.executed) if self.executed else frozenset()

    def matching(self):
        """Published practices matching what ran, with the filters: for the facets and the date order."""
        base = self.filterset.qs if self.filterset is not None else Practice.objects.published()
        if self.executed is None:
            return base.none()
        sql, params = self.engine.matching_ids_sql(self.executed)
        return base.filter(pk__in=RawSQL(sql, params))  # noqa: S611 - the engine's SQL, user words are params

    def results(self):
        if self.executed is None:
            return []
        if self.sort == "newest":
            return self.matching().newest_first().for_cards()
        return RankedResults(self.engine, self.executed, self.within, self.count)


def search_practices(text: str, filterset: PracticeFilter | None = None) -> PracticeSearch:
    parsed = parse(text)
    sort = (filterset.cleaned().get("sort") if filterset is not None else None) or "relevance"
    search = PracticeSearch(text=text, parsed=parsed, filterset=filterset, sort=sort)
    if parsed.is_empty:
        return search
    engine, within = search.engine, search.within
    search.expanded = expansions(parsed)
    if search.expanded:
        parsed = parsed.with_alternatives(search.expanded)
    search.executed, search.count = parsed, engine.count(parsed, within)
    fixes = corrections(parsed)
    corrected = parsed.replace_words(fixes) if fixes else None
    if search.count == 0:
        if corrected is not None and (n := engine.count(corrected, within)):
            search.executed, search.count, search.corrected = corrected, n, True
        elif len(parsed.positive_terms()) > 1:
            relaxed = (corrected or parsed).relaxed()
            if n := engine.count(relaxed, within):
                search.executed, search.count, search.relaxed = relaxed, n, True
                search.corrected = corrected is not None
    elif corrected is not None and engine.count(corrected, within):
        search.suggestion = corrected
    if search.count == 0 and within is not None:
        search.unfiltered_count = engine.count(search.executed, None)
    return search
