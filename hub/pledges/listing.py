"""What the pledge list shows besides the pledges: each filter's options with their counts, and the
totals of the selection (pledges, bodies, countries, the sum of each target unit).

Counted from five queries whatever the number of pledges (the filters run once, the links are read
over the ids they give) and a few look-ups of names; the answers are cached until public content
changes (the listing version), so a page asked for again costs two queries.
"""

from collections import Counter
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
TOTAL_UNITS = 12
# The links of selections of at most this many pledges are read over their list of ids.
ID_LIST_LIMIT = 5000


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


def _count(selection, chosen: dict) -> tuple[dict[str, list[Option]], Totals, list[int] | None]:
    """Every facet and total of the selection from five queries: its pledges (the filters run once),
    their place links, the sums of their topics and targets, and the places named; counted here.
    With them, the ids of a filtered selection of at most ID_LIST_LIMIT pledges, newest first."""
    # Newest first only when the ids are kept for the pages (sorting 20 000 rows costs on PostgreSQL).
    pledges = list(
        (selection.newest_first() if chosen else selection.order_by()).values_list(
            "pk",
            "initiative_id",
            "state",
            "organisation_id",
            "organisation__stakeholder_type_id",
            "start_date",
            "end_date",
        )
    )
    # The links are read over the list of ids, or over the selection again when it is long.
    ids = [row[0] for row in pledges] if len(pledges) <= ID_LIST_LIMIT else selection.order_by().values("pk")
    place_links = list(Pledge.places.through.objects.filter(pledge_id__in=ids).values_list("pledge_id", "place_id"))
    topic_counts = dict(
        Pledge.topics.through.objects.filter(pledge_id__in=ids)
        .order_by()
        .values_list("topic_id")
        .annotate(n=Count("pk"))
    )
    units = (
        Target.objects.filter(pledge_id__in=ids)
        .order_by()
        .values_list("unit")
        .annotate(total=Sum("number"))
        .order_by("-total", "unit")[:TOTAL_UNITS]
    )
    # pk: (continent, country, slug, name, kind), as plain values (a Country object per link costs).
    places = {
        row[0]: row[1:]
        for row in Place.objects.filter(pk__in={place_id for _, place_id in place_links}).values_list(
            "pk", "continent", "country", "slug", "name", "kind"
        )
    }

    facets = {}
    rows = Counter(row[1] for row in pledges if row[1] is not None)
    facets["initiative"] = [
        Option(i.slug, i.name, rows[i.pk]) for i in Initiative.objects.filter(pk__in=rows.keys()).order_by("name")
    ]
    rows = Counter(row[2] for row in pledges)
    facets["state"] = [Option(value, str(label), rows[value]) for value, label in State.choices if value in rows]
    # A pledge counts once per continent and country, however many of its places are there.
    rows = Counter(continent for _, continent in {(pledge, places[place][0]) for pledge, place in place_links})
    facets["continent"] = [Option(code, str(label), rows[code]) for code, label in Continent.choices if code in rows]
    rows = Counter(country for _, country in {(pledge, places[place][1]) for pledge, place in place_links})
    facets["country"] = sorted(
        (Option(code, str(countries.name(code)), n) for code, n in rows.items()), key=lambda o: o.label
    )
    rows = Counter(place for _, place in place_links if places[place][4] != Place.Kind.COUNTRY)
    cities = sorted(rows.items(), key=lambda item: (-item[1], places[item[0]][3]))[:MAX_CITY_OPTIONS]
    facets["city"] = sorted((Option(places[pk][2], places[pk][3], n) for pk, n in cities), key=lambda o: o.label)
    topics = Topic.objects.filter(pk__in=topic_counts.keys())
    facets["theme"] = [Option(t.slug, str(t), topic_counts[t.pk]) for t in topics if t.kind == Topic.Kind.THEME]
    facets["gcm"] = [Option(t.slug, str(t), topic_counts[t.pk]) for t in topics if t.kind == Topic.Kind.GCM_OBJECTIVE]
    rows = Counter(row[4] for row in pledges if row[4] is not None)
    facets["body"] = [Option(t.slug, t.name, rows[t.pk]) for t in StakeholderType.objects.filter(pk__in=rows.keys())]
    years: dict[int, int] = {}
    for (start, end), n in Counter((row[5].year, row[6].year if row[6] else None) for row in pledges if row[5]).items():
        for year in range(start, (end or start) + 1):
            years[year] = years.get(year, 0) + n
    facets["year"] = [Option(str(year), str(year), years[year]) for year in sorted(years, reverse=True)]
    # A value chosen in the URL stays in its list, even when nothing it selects is published.
    for name, value in chosen.items():
        if not any(option.value == value for option in facets[name]):
            facets[name] = [Option(value, value, 0), *facets[name]]

    totals = Totals(
        pledges=len(pledges),
        bodies=len({row[3] for row in pledges}),
        countries=len({places[place][1] for _, place in place_links}),
        units=list(units),
    )
    return facets, totals, ids if chosen and isinstance(ids, list) else None


def panel(selection, chosen: dict[str, str]) -> tuple[dict[str, list[Option]], Totals, list[int] | None]:
    """The facets and totals of a selection of published pledges, and the ids of a filtered one
    (newest first, for its pages: see `cards`), cached until public content changes."""
    filters = "&".join(f"{name}={chosen[name]}" for name in FACETS if name in chosen)
    # "ids": entries cached by the code before they held the ids are not read back.
    key = f"pledges:panel:ids:{listing_version()}:{get_language()}:{filters}"
    found = cache.get(key)
    if found is None:
        found = _count(selection, chosen)
        cache.set(key, found, CACHE_SECONDS)
    return found


def cards(ids: list[int]) -> list[Pledge]:
    """The pledges of a page of ids, in that order, with what their cards show."""
    found = {pledge.pk: pledge for pledge in Pledge.objects.published().filter(pk__in=ids).for_cards()}
    return [found[pk] for pk in ids if pk in found]


def groups(filterset, facets: dict[str, list[Option]]) -> list[Group]:
    fields = filterset.form.fields
    data = filterset.data if filterset.is_bound else {}
    return [Group(name, str(fields[name].label), facets[name], data.get(name, "")) for name in FACETS]
