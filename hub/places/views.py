"""The world map, "Worldwide" by continent and country, and the page of a continent, a country or a city."""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from hub.accounts.roles import is_moderator
from hub.lib.pages import paginate
from hub.places import clusters, gazetteer
from hub.places.models import (
    CONTINENT_BY_SLUG,
    CONTINENT_SLUGS,
    OLD_CONTINENT_SLUGS,
    Continent,
    Place,
    continent_url,
    country_from_slug,
    country_url,
)
from hub.places.names import place_name
from hub.practices.filters import PracticeFilter
from hub.practices.models import Practice
from hub.search.facet_index import facet_index
from hub.search.facets import selection_for
from hub.search.listing import listing_version
from hub.vocabularies.models import Topic

CACHE_SECONDS = 24 * 3600
# Where a continent's small map looks, and how close.
CONTINENT_VIEWS = {
    "AF": (2.0, 20.0, 3),
    "AS": (30.0, 90.0, 3),
    "EU": (52.0, 12.0, 4),
    "NA": (50.0, -100.0, 2),
    "LA": (-8.0, -75.0, 2),
    "OC": (-22.0, 145.0, 3),
    "AN": (-80.0, 0.0, 2),
}
ZOOM_BY_KIND = {Place.Kind.CITY: 10, Place.Kind.REGION: 8, Place.Kind.COUNTRY: 5}


@dataclass(frozen=True)
class PlaceCount:
    name: str
    url: str
    count: int


def _published():
    return Practice.objects.published()


def _cached(name: str, compute):
    key = f"places:{name}:{get_language()}:{listing_version()}:{cache.get(clusters.PLACES_VERSION_KEY, 0)}"
    return cache.get_or_set(key, compute, CACHE_SECONDS)


def _country_counts(practices, **place_filters) -> list[PlaceCount]:
    """Countries with their number of practices (a practice in two cities of one country counts once)."""
    rows = (
        Place.objects.filter(practices__in=practices.order_by().values("pk"), **place_filters)
        .order_by()
        .values_list("country")
        .annotate(n=Count("practices", distinct=True))
    )
    return sorted(
        (PlaceCount(str(countries.name(code)), country_url(code), n) for code, n in rows),
        key=lambda row: row.name,
    )


def _themes(practices) -> list[tuple[Topic, int]]:
    rows = (
        Topic.objects.filter(kind=Topic.Kind.THEME, practices__in=practices.order_by().values("pk"))
        .annotate(n=Count("practices"))
        .order_by("-n", "name")[:12]
    )
    return [(topic, topic.n) for topic in rows]


def _map_config(*, latitude, longitude, zoom, query: str) -> dict | None:
    if latitude is None or longitude is None:
        return None
    return {
        "latitude": latitude,
        "longitude": longitude,
        "zoom": zoom,
        "clusters_url": reverse("places:clusters") + (f"?{query}" if query else ""),
    }


def worldwide(request):
    """Continents with their countries and counts, as IBIS's "Worldwide" page had them."""

    def compute():
        published = _published()
        continent_counts = dict(
            Place.objects.filter(practices__in=published.order_by().values("pk"))
            .order_by()
            .values_list("continent")
            .annotate(n=Count("practices", distinct=True))
        )
        by_continent = []
        for code, label in Continent.choices:
            if continent_counts.get(code):
                country_counts = _country_counts(published, continent=code)
                by_continent.append(
                    (
                        PlaceCount(str(label), continent_url(code), continent_counts[code]),
                        country_counts,
                        max((row.count for row in country_counts), default=1),
                    )
                )
        return by_continent

    return render(request, "places/worldwide.html", {"continents": _cached("worldwide", compute)})


def _practice_page(request, *, practices, context: dict, template="places/place_detail.html"):
    page = paginate(request, practices.newest_first().for_cards())
    context.update(
        page=page,
        count=page.paginator.count,
        themes=_themes(practices),
        tile_url=settings.MAP_TILE_URL,
        tile_attribution=settings.MAP_TILE_ATTRIBUTION,
    )
    return render(request, template, context)


def place_detail(request, slug):
    if code := CONTINENT_BY_SLUG.get(slug):
        return _continent(request, code)
    if code := OLD_CONTINENT_SLUGS.get(slug):
        return redirect(continent_url(code), permanent=True)
    if code := country_from_slug(slug):
        return _country(request, code)
    place = get_object_or_404(Place.objects.public(), slug=slug)
    if place.kind == Place.Kind.COUNTRY:
        return redirect(country_url(place.country.code), permanent=True)
    return _place(request, place)


def _continent(request, code):
    name = Continent(code).label
    latitude, longitude, zoom = CONTINENT_VIEWS[code]
    practices = _published().in_continent(code)
    context = {
        "name": name,
        "kind": _("Continent"),
        "filter_query": f"continent={code}",
        "breadcrumbs": [],
        "subplaces_heading": _("Countries"),
        "subplaces": _cached(f"continent-{code}", lambda: _country_counts(_published(), continent=code)),
        "map": _map_config(latitude=latitude, longitude=longitude, zoom=zoom, query=f"continent={code}"),
    }
    return _practice_page(request, practices=practices, context=context)


def _country(request, code):
    continent = gazetteer.continent_of(code)
    match = gazetteer.country_match(code)
    practices = _published().in_country(code)

    def compute():
        rows = (
            Place.objects.filter(country=code, practices__in=_published().order_by().values("pk"))
            .exclude(kind=Place.Kind.COUNTRY)
            .exclude(needs_review=True)
            .order_by()
            .values_list("name", "slug", "gazetteer_key")
            .annotate(n=Count("practices"))
        )
        return sorted(
            (
                PlaceCount(place_name(name, key), reverse("places:detail", args=[slug]), n)
                for name, slug, key, n in rows
            ),
            key=lambda row: (-row.count, row.name),
        )[:100]

    context = {
        "name": countries.name(code),
        "kind": _("Country"),
        "filter_query": f"country={code}",
        "breadcrumbs": _continent_crumb(continent),
        "subplaces_heading": _("Cities, provinces and regions"),
        "subplaces": _cached(f"country-{code}", compute),
        "map": _map_config(
            latitude=match.latitude if match else None,
            longitude=match.longitude if match else None,
            zoom=ZOOM_BY_KIND[Place.Kind.COUNTRY],
            query=f"country={code}",
        ),
    }
    return _practice_page(request, practices=practices, context=context)


def _continent_crumb(code) -> list[PlaceCount]:
    if code not in CONTINENT_SLUGS:
        return []
    return [PlaceCount(str(Continent(code).label), reverse("places:detail", args=[CONTINENT_SLUGS[code]]), 0)]


def _place(request, place):
    if not place.is_placed and not is_moderator(request.user):
        raise Http404(_("This place is not yet placed: a moderator will check it."))
    code = place.country.code
    context = {
        "place": place,
        "name": place.display_name,
        "kind": place.get_kind_display(),
        "filter_query": f"country={code}",
        "breadcrumbs": [
            *_continent_crumb(place.continent),
            PlaceCount(str(place.country.name), country_url(code), 0),
        ],
        "map": _map_config(
            latitude=place.latitude,
            longitude=place.longitude,
            zoom=ZOOM_BY_KIND.get(place.kind, 9),
            query=f"country={code}",
        ),
    }
    return _practice_page(request, practices=_published().filter(places=place), context=context)


def _map_filterset(request):
    return PracticeFilter(request.GET or None, queryset=_published())


def _is_filtered(filterset) -> bool:
    return bool(filterset.active() or filterset.cleaned().get("q"))


def map_page(request):
    """The world map; without JavaScript, the same practices as a list of countries with counts."""
    filterset = _map_filterset(request)
    query = request.GET.copy()
    for name in ("page", "bbox", "zoom"):
        query.pop(name, None)
    if _is_filtered(filterset):
        # The list's selection (words through the search engine), counted by country in the facet index.
        index, selected = selection_for(filterset)
        country_rows = sorted(
            (
                PlaceCount(str(option.label), country_url(option.value), option.count)
                for option in index.counts(selected)["country"]
                if option.count
            ),
            key=lambda row: row.name,
        )
        total = selected.bit_count()
    else:
        country_rows = _cached("map-countries", lambda: _country_counts(_published()))
        total = _cached("published-count", lambda: _published().count())
    status = 400 if filterset.is_bound and filterset.errors else 200
    map_config = _map_config(latitude=20.0, longitude=10.0, zoom=2, query=query.urlencode())
    # Pledges beside the practices (hub/pledges/map.py): another source of markers, the same map.
    kind = request.GET.get("kind", "practices")
    if kind in ("pledges", "both"):
        map_config["clusters_url"] = f"{reverse('pledges:clusters')}?kind={kind}"
    return render(
        request,
        "places/map.html",
        {
            "filterset": filterset,
            "total": total,
            "countries": country_rows,
            "query": query.urlencode(),
            "map": map_config,
            "map_kind": kind,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
        status=status,
    )


def clusters_json(request):
    """Markers for the view the map shows: ?bbox=west,south,east,north&zoom=N plus the list's filters."""
    filterset = _map_filterset(request)
    if filterset.is_bound and filterset.errors:
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return JsonResponse({"error": errors}, status=400)
    try:
        bounds = clusters.Bounds.parse(request.GET.get("bbox", ""))
        zoom = clusters.parse_zoom(request.GET.get("zoom", ""))
    except clusters.BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    if _is_filtered(filterset):
        index, selected = selection_for(filterset)
        rows = clusters.published_place_counts()
        markers = clusters.markers_for_selection(index, selected, bounds=bounds, zoom=zoom, published_rows=rows)
        total = selected.bit_count()
    else:
        practices = _published()
        rows = clusters.published_place_counts()
        markers = clusters.markers_for(practices, bounds=bounds, zoom=zoom, cached_rows=rows)
        total = len(facet_index().ids)
    return JsonResponse({"total": total, "zoom": zoom, "markers": markers})


SUGGESTIONS = 10


def suggest_json(request):
    """Places of the gazetteer a typed name may mean in a country, for the submit form's suggestions:
    ?q=Maip&country=AR. The form works without them: an ambiguous name is asked about on submit."""
    words = request.GET.get("q", "").strip()[:100]
    country = request.GET.get("country", "").strip().upper()[:2]
    kinds = {"city": _("town or city"), "region": _("province or region"), "country": _("country")}
    suggestions = [
        {"name": match.name, "label": f"{match.label} · {kinds.get(match.kind, match.kind)}"}
        for match in gazetteer.suggest(words, country, limit=SUGGESTIONS)
    ]
    return JsonResponse({"suggestions": suggestions})
