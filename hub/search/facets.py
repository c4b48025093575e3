"""Counts of published practices per filter value, for the facets of the list and of search.

They come from the in-memory facet index (facet_index.py): a fixed, small number of queries
whatever the number of practices.
"""

from dataclasses import dataclass

from hub.search.facet_index import FacetIndex, FacetOption, facet_index
from hub.search.results import search_practices

__all__ = ["ActiveFilter", "FacetGroup", "FacetOption", "facet_panel", "published_facets"]


def published_facets() -> dict[str, list[FacetOption]]:
    """The counts over everything published."""
    index = facet_index()
    return index.counts(index.everything)


def selection_for(filterset) -> tuple[FacetIndex, int]:
    """The index and the bitset of the published practices that the filters of the list select."""
    index = facet_index()
    bits = index.select(filterset.chosen())
    if words := filterset.cleaned().get("q"):
        # The words go to the search engine (accents, word forms, typos), so that the list and the
        # map find what the search page finds.
        bits &= search_practices(words).bits
    return index, bits


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]
    selected: str


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str


def facet_panel(filterset, facets: dict[str, list[FacetOption]]) -> tuple[list[FacetGroup], list[ActiveFilter]]:
    """What the filter sidebar shows: each facet's options, and each filter in force with a link that drops it."""
    data = filterset.data if filterset.is_bound else {}
    fields = filterset.form.fields
    groups = [FacetGroup(name, str(fields[name].label), facets[name], data.get(name, "")) for name in filterset.FACETS]
    active = []
    for name, value in filterset.active().items():
        label = next((option.label for option in facets[name] if option.value == value), value)
        remaining = data.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        active.append(ActiveFilter(str(fields[name].label), label, f"?{remaining.urlencode()}"))
    return groups, active
