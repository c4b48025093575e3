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


def _chosen_label(filterset, name: str) -> str:
    """The label of a filter's chosen value as its form field names it ("Education", "South America")."""
    value = filterset.cleaned().get(name)
    field = filterset.form.fields[name]
    if value is None or value == "":
        return ""
    if hasattr(value, "slug"):
        return str(value)
    choices = {str(key): label for key, label in getattr(field, "choices", []) if key != ""}
    return str(choices.get(str(value), int(value) if name == "year" else value))


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
    chosen = filterset.chosen()
    groups = []
    for name in filterset.FACETS:
        options = facets[name]
        if name in chosen and not any(option.value == chosen[name] for option in options):
            # No practice left with this value: it stays offered, and chosen, with its count of 0.
            options = [FacetOption(chosen[name], _chosen_label(filterset, name), 0), *options]
        groups.append(FacetGroup(name, str(fields[name].label), options, chosen.get(name, data.get(name, ""))))
    active = []
    for name, value in filterset.active().items():
        label = next((option.label for option in facets[name] if option.value == value), None)
        label = label or _chosen_label(filterset, name)
        remaining = data.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        active.append(ActiveFilter(str(fields[name].label), label, f"?{remaining.urlencode()}"))
    return groups, active
