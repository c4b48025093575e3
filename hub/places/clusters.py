"""The world map's clusters, made on the server so that a map of 100 000 practices sends a few hundred points.

The facet index counts the practices at each place (filtered views: the database, one GROUP BY); Python then
puts the places of the view into a grid whose cells shrink as the map zooms in, about 64 pixels a
side, and sends one marker per cell that holds anything. Counts over everything published are
cached until something public changes, like the list's facets.
"""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django_countries import countries

from hub.places.models import Place, country_url
from hub.places.services import PLACES_VERSION_KEY
from hub.practices.models import Practice
from hub.search.facet_index import facet_index

CELLS_PER_TILE = 4  # a map tile is 256 px: four cells a tile make a marker every 64 px or so
MAX_ZOOM = 18
MAX_MARKERS = 400  # whatever the view asked for: bounds the response to a few tens of KB
MAX_TITLED_POINTS = 250  # markers of a single practice carry its title and address
CACHE_SECONDS = 24 * 3600


class BadRequest(ValueError):
    """Bounds or zoom that make no sense; the message is shown to the caller."""


@dataclass(frozen=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    WORLD = None  # set below

    @classmethod
    def parse(cls, text: str) -> "Bounds":
        """Leaflet's "west,south,east,north"; longitudes past ±180 (a world copy) come back into range."""
        if not text:
            return cls.WORLD
        parts = text.split(",")
        if len(parts) != 4:
            raise BadRequest(_("bbox is four numbers: west,south,east,north."))
        try:
            west, south, east, north = (float(part) for part in parts)
        except ValueError:
            raise BadRequest(_("bbox is four numbers: west,south,east,north.")) from None
        if not all(math.isfinite(n) for n in (west, south, east, north)):
            raise BadRequest(_("bbox is four numbers: west,south,east,north."))
        if not (-90 <= south <= north <= 90):
            raise BadRequest(_("In bbox, latitudes lie between -90 and 90 and south is not above north."))
        if west > east:
            raise BadRequest(
                _("In bbox, west is the smaller longitude (it may go below -180 across the antimeridian).")
            )
        if east - west >= 360:
            return cls(south, -180.0, north, 180.0)
        return cls(south, _wrap(west), north, _wrap(east))

    def contains(self, latitude: float, longitude: float) -> bool:
        if not (self.south <= latitude <= self.north):
            return False
        if self.west <= self.east:
            return self.west <= longitude <= self.east
        return longitude >= self.west or longitude <= self.east


Bounds.WORLD = Bounds(-90.0, -180.0, 90.0, 180.0)


def _wrap(longitude: float) -> float:
    wrapped = (longitude + 180) % 360 - 180
    return 180.0 if wrapped == -180 and longitude > 0 else wrapped


def parse_zoom(text: str) -> int:
    if not text:
        return 2
    if not text.isdigit() or int(text) > MAX_ZOOM:
        raise BadRequest(_("zoom is a whole number from 0 to %(max)d.") % {"max": MAX_ZOOM})
    return int(text)


PlaceRow = tuple[int, float, float, int]  # place id, latitude, longitude, number of practices


def place_counts(practices, bounds: Bounds | None = None) -> list[PlaceRow]:
    """The places of the given practices that have coordinates, each with its number of practices."""
    places = Place.objects.located().filter(practices__in=practices.order_by().values("pk"))
    if bounds is not None and bounds != Bounds.WORLD:
        places = places.in_bounds(south=bounds.south, west=bounds.west, north=bounds.north, east=bounds.east)
    return list(places.order_by().values_list("pk", "latitude", "longitude").annotate(n=Count("practices")))


def places_version() -> int:
    """Moves when a moderator corrects a place (hub.places.services): where places are on the map."""
    return cache.get_or_set(PLACES_VERSION_KEY, time.time_ns, timeout=None)


def published_place_counts() -> list[PlaceRow]:
    """Every located place with published practices, and how many: counted in the facet index
    rather than by a GROUP BY over every link, and placed by coordinates this process keeps (they
    change only by a moderator's correction, which moves the places' version), so that the first
    map after a publication asks the database at most for the places nobody had before. Kept with
    the facet index, for the places' version."""
    index = facet_index()
    version = places_version()

    def count() -> list[PlaceRow]:
        totals = index.place_totals()
        at = _coordinates(version, totals)
        return [(pk, *at[pk], n) for pk, n in totals.items() if at[pk] is not None]

    return index.memo.get(("map place counts", version), count, size=lambda rows: 120 * len(rows) + 256)


_located: dict = {"version": None, "at": {}}  # place id -> (latitude, longitude), or None: not located


def _coordinates(version, places) -> dict:
    """Where these places are, as this process last read them under the places' version."""
    if _located["version"] != version:
        _located.update(version=version, at={})
    at = _located["at"]
    if missing := [pk for pk in places if pk not in at]:
        found = dict.fromkeys(missing)
        rows = Place.objects.located().filter(pk__in=missing).values_list("pk", "latitude", "longitude")
        found.update((pk, (latitude, longitude)) for pk, latitude, longitude in rows)
        at.update(found)  # another thread's reading of the same places is the same
    return at


def grid(rows: list[PlaceRow], zoom: int) -> list[dict]:
    """One marker per grid cell that holds a place: its count and the weighted centre of its places."""
    cell = 360 / (2**zoom * CELLS_PER_TILE)
    while True:
        cells: dict[tuple[int, int], list] = {}
        for place_id, latitude, longitude, n in rows:
            key = (math.floor((latitude + 90) / cell), math.floor((longitude + 180) / cell))
            if (found := cells.get(key)) is None:
                cells[key] = [n, latitude * n, longitude * n, place_id, 1]
            else:
                found[0] += n
                found[1] += latitude * n
                found[2] += longitude * n
                found[4] += 1
        if len(cells) <= MAX_MARKERS:
            break
        cell *= 2  # a view wider than the zoom says (or a forged request): bigger cells, never more markers
    return [
        {"lat": round(lat / n, 4), "lng": round(lng / n, 4), "n": n, "places": places, "place_id": place_id}
        for n, lat, lng, place_id, places in cells.values()
    ]


def _describe(markers: list[dict], practices) -> None:
    """Name the place of a marker that holds one place; give the title and address of a lone practice."""
    single_place_ids = {marker["place_id"] for marker in markers if marker["places"] == 1}
    places = {
        pk: (name, slug, kind, country)
        for pk, name, slug, kind, country in Place.objects.filter(pk__in=single_place_ids).values_list(
            "pk", "name", "slug", "kind", "country"
        )
    }
    lone = [marker["place_id"] for marker in markers if marker["n"] == 1][:MAX_TITLED_POINTS]
    titles = {}
    if lone:
        rows = practices.order_by().filter(places__in=lone).values_list("places", "title", "slug")
        for place_id, title, slug in rows:
            titles.setdefault(place_id, (title, slug))
    for marker in markers:
        place_id = marker.pop("place_id")
        if marker.pop("places") == 1 and place_id in places:
            name, slug, kind, country = places[place_id]
            # A country is named in the reader's language (django-countries' catalogues); towns and
            # regions keep their one name: the gazetteer has no names tagged by language.
            marker["place"] = str(countries.name(country)) if kind == Place.Kind.COUNTRY else name
            marker["place_url"] = (
                country_url(country) if kind == Place.Kind.COUNTRY else reverse("places:detail", args=[slug])
            )
        if marker["n"] == 1 and place_id in titles:
            title, slug = titles[place_id]
            marker["title"] = title
            marker["url"] = reverse("practices:detail", args=[slug])


def markers_for(practices, *, bounds: Bounds, zoom: int, cached_rows: list[PlaceRow] | None = None) -> list[dict]:
    if cached_rows is not None:
        rows = [row for row in cached_rows if bounds.contains(row[1], row[2])]
    else:
        rows = place_counts(practices, bounds)
    markers = grid(rows, zoom)
    _describe(markers, practices)
    return markers


def markers_for_selection(
    index, selected: int, *, bounds: Bounds, zoom: int, published_rows: list[PlaceRow]
) -> list[dict]:
    """Markers for a filtered map: the facet index counts each place's selected practices in memory,
    which a GROUP BY under several filters cannot do fast enough over 100 000 practices."""
    in_view = [row for row in published_rows if bounds.contains(row[1], row[2])]
    counts = index.place_counts(selected, (row[0] for row in in_view))
    rows = [(place_id, lat, lng, counts[place_id]) for place_id, lat, lng, _ in in_view if place_id in counts]
    markers = grid(rows, zoom)
    lone = index.first_at_places(selected, [m["place_id"] for m in markers if m["n"] == 1][:MAX_TITLED_POINTS])
    _describe(markers, Practice.objects.filter(pk__in=[pk for pk in lone if pk]))
    return markers
