"""What the pledge list shows besides the pledges: each filter's options with their counts, and the
totals of the selection (pledges, bodies, countries, the sum of each target unit).

Counted in SQL, one query per facet and per total, whatever the number of pledges; the answers are
cached until public content changes (the listing version), so a page asked for again costs two queries.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils.translation import get_language
from django_countries import countries

from hub.places.models import Continent, Place
from hub.pledges.filters import FACETS
from hub.pledges.models import Initiative, Pledge, State, Target
from hub.search.listing import listing_version
from hub.vocabularies.models import StakeholderType, Topic

CACHE_SECONDS = 24 * 3600
MAX_CITY_OPTIONS = 100


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Group:
    name: str
    label: str
    options: list[Option]
    selected: str


@dataclass(frozen=True)
class Totals:
    pledges: int
    bodies: int
    countries: int
    units: list[tuple[str, int]]


def _ids(selection):
    return selection.order_by().values("pk")


def _facet_counts(selection, chosen: dict) -> dict[str, list[Option]]:
    ids = _ids(selection)
    facets = {}
    rows = dict(selection.order_by().values_list("initiative").annotate(n=Count("pk")))
    facets["initiative"] = [
        Option(i.slug, i.name, rows[i.pk]) for i in Initiative.objects.filter(pk__in=rows.keys()).order_by("name")
    ]
    rows = dict(selection.order_by().values_list("state").annotate(n=Count("pk")))
    facets["state"] = [Option(value, str(label), rows[value]) for value, label in State.choices if value in rows]
    place_links = Pledge.places.through.objects.filter(pledge_id__in=ids)
    rows = dict(place_links.order_by().values_list("place__continent").annotate(n=Count("pledge_id", distinct=True)))
    facets["continent"] = [Option(code, str(label), rows[code]) for code, label in Continent.choices if code in rows]
    rows = dict(place_links.order_by().values_list("place__country").annotate(n=Count("pledge_id", distinct=True)))
    facets["country"] = sorted(
        (Option(code, str(countries.name(code)), n) for code, n in rows.items()), key=lambda o: o.label
    )
    city_rows = (
        place_links.exclude(place__kind=Place.Kind.COUNTRY)
        .order_by()
        .values_list("place__slug", "place__name")
        .annotate(n=Count("pledge_id", distinct=True))
        .order_by("-n", "place__name")[:MAX_CITY_OPTIONS]
    )
    facets["city"] = sorted((Option(slug, name, n) for slug, name, n in city_rows), key=lambda o: o.label)
    topic_rows = (
        Pledge.topics.through.objects.filter(pledge_id__in=ids)
        .order_by()
        .values_list("topic_id")
        .annotate(n=Count("pk"))
    )
    topic_counts = dict(topic_rows)
    topics = Topic.objects.filter(pk__in=topic_counts.keys())
    facets["theme"] = [Option(t.slug, str(t), topic_counts[t.pk]) for t in topics if t.kind == Topic.Kind.THEME]
    facets["gcm"] = [Option(t.slug, str(t), topic_counts[t.pk]) for t in topics if t.kind == Topic.Kind.GCM_OBJECTIVE]
    rows = dict(selection.order_by().values_list("organisation__stakeholder_type").annotate(n=Count("pk")))
    facets["body"] = [
        Option(t.slug, t.name, rows[t.pk]) for t in StakeholderType.objects.filter(pk__in=[k for k in rows if k])
    ]
    spans = selection.order_by().values_list("start_date__year", "end_date__year").annotate(n=Count("pk"))
    years: dict[int, int] = {}
    for start, end, n in spans:
        if start is None:
            continue
        for year in range(start, (end or start) + 1):
            years[year] = years.get(year, 0) + n
    facets["year"] = [Option(str(year), str(year), years[year]) for year in sorted(years, reverse=True)]
    # A value chosen in the URL stays in its list, even when nothing it selects is published.
    for name, value in chosen.items():
        if not any(option.value == value for option in facets[name]):
            facets[name] = [Option(value, value, 0), *facets[name]]
    return facets


def _totals(selection) -> Totals:
    ids = _ids(selection)
    counts = selection.order_by().aggregate(pledges=Count("pk"), bodies=Count("organisation", distinct=True))
    country_count = Place.objects.filter(pledges__in=ids).order_by().values("country").distinct().count()
    units = (
        Target.objects.filter(pledge_id__in=ids)
        .order_by()
        .values_list("unit")
        .annotate(total=Sum("number"))
        .order_by("-total", "unit")[:12]
    )
    return Totals(counts["pledges"], counts["bodies"], country_count, list(units))


def panel(selection, chosen: dict[str, str]) -> tuple[dict[str, list[Option]], Totals]:
    """The facets and totals of a selection of published pledges, cached until public content changes."""
    filters = "&".join(f"{name}={chosen[name]}" for name in FACETS if name in chosen)
    key = f"pledges:panel:{listing_version()}:{get_language()}:{filters}"
    found = cache.get(key)
    if found is None:
        found = (_facet_counts(selection, chosen), _totals(selection))
        cache.set(key, found, CACHE_SECONDS)
    return found


def groups(filterset, facets: dict[str, list[Option]]) -> list[Group]:
    fields = filterset.form.fields
    data = filterset.data if filterset.is_bound else {}
    return [Group(name, str(fields[name].label), facets[name], data.get(name, "")) for name in FACETS]
