"""Counts of published practices per filter value, for the list's facets.

A fixed number of GROUP BY queries whatever the number of practices; the counts of the
unfiltered list are cached until something public changes (see services.listing_version).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django_countries import countries

from hub.people.models import StakeholderType
from hub.places.models import Continent, Place
from hub.practices.models import Practice, TargetGroup, Topic
from hub.practices.services import listing_version

FACET_CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int


def _choices_counts(queryset, field: str, choices) -> list[FacetOption]:
    counts = dict(queryset.order_by().values_list(field).annotate(n=Count("pk")))
    return [FacetOption(value, str(label), counts[value]) for value, label in choices if counts.get(value)]


def _years(queryset) -> list[FacetOption]:
    """A practice counts in every year it was running."""
    spans = (
        queryset.order_by()
        .filter(start_date__isnull=False)
        .values_list(ExtractYear("start_date"), ExtractYear("end_date"))
        .annotate(n=Count("pk"))
    )
    per_year: dict[int, int] = {}
    for start, end, n in spans:
        for year in range(start, (end or start) + 1):
            per_year[year] = per_year.get(year, 0) + n
    return [FacetOption(str(year), str(year), n) for year, n in sorted(per_year.items(), reverse=True)]


def compute_facets(queryset) -> dict[str, list[FacetOption]]:
    ids = queryset.order_by().values("pk")
    topic_counts = (
        Topic.objects.filter(practices__in=ids)
        .annotate(n=Count("practices"))
        .values_list("kind", "slug", "name", "number", "n")
    )
    by_kind: dict[str, list[FacetOption]] = {kind: [] for kind in Topic.Kind.values}
    for kind, slug, name, number, n in sorted(topic_counts, key=lambda row: (row[3] or 0, row[2])):
        label = f"{number}. {name}" if number else name
        by_kind[kind].append(FacetOption(slug, label, n))

    places = Place.objects.filter(practices__in=ids).order_by()
    # distinct: a practice in two cities of one country counts once for that country
    country_counts = places.values_list("country").annotate(n=Count("practices", distinct=True))
    continent_counts = dict(places.values_list("continent").annotate(n=Count("practices", distinct=True)))

    stakeholder_counts = dict(queryset.order_by().values_list("organisation__stakeholder_type").annotate(n=Count("pk")))
    target_counts = TargetGroup.objects.filter(practices__in=ids).annotate(n=Count("practices"))
    return {
        "theme": by_kind[Topic.Kind.THEME],
        "dimension": by_kind[Topic.Kind.DIMENSION],
        "gcm": by_kind[Topic.Kind.GCM_OBJECTIVE],
        "stakeholder": [
            FacetOption(s.slug, s.name, stakeholder_counts[s.pk])
            for s in StakeholderType.objects.all()
            if stakeholder_counts.get(s.pk)
        ],
        "country": sorted(
            (FacetOption(code, str(countries.name(code)), n) for code, n in country_counts),
            key=lambda option: option.label,
        ),
        "continent": [
            FacetOption(code, str(label), continent_counts[code])
            for code, label in Continent.choices
            if code in continent_counts
        ],
        "year": _years(queryset),
        "target": [FacetOption(g.slug, g.name, g.n) for g in target_counts],
        "implementation": _choices_counts(queryset, "implementation", Practice.Implementation.choices),
        "participation": _choices_counts(queryset, "migrant_participation", Practice.Participation.choices),
        "evidence": _choices_counts(queryset, "evidence", Practice.Evidence.choices),
    }


def published_facets() -> dict[str, list[FacetOption]]:
    """The counts over everything published, cached until something public changes."""
    key = f"practice-facets:{get_language()}:{listing_version()}"
    return cache.get_or_set(key, lambda: compute_facets(Practice.objects.published()), FACET_CACHE_SECONDS)


def facets_for(filterset) -> dict[str, list[FacetOption]]:
    if filterset.active() or filterset.cleaned().get("q"):
        return compute_facets(filterset.qs)
    return published_facets()


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
