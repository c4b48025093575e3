"""Pledges on the world map, beside the practices (`/map/?kind=pledges` or `kind=both`): the same
grid of server-made clusters (hub.places.clusters.grid), fed with the places of published pledges,
and with those of published practices as well for "both"."""

from django.db.models import Count
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from hub.places import clusters
from hub.places.models import Place, country_url
from hub.pledges.listing import pledge_index
from hub.pledges.models import Pledge
from hub.search.facet_index import facet_index

KINDS = ("practices", "pledges", "both")


def pledge_place_rows(index) -> list[clusters.PlaceRow]:
    """The located places of published pledges, each with its number of pledges: kept with the pledge
    index (`index`, pledge_index()), which is rebuilt when a pledge changes (and only then), under the
    places' version (a moderator's correction of a place), so that a practice's publication does not
    count them again."""

    def compute():
        return list(
            Place.objects.located()
            .filter(pledges__in=Pledge.objects.published().order_by().values("pk"))
            .order_by()
            .values_list("pk", "latitude", "longitude")
            .annotate(n=Count("pledges"))
        )

    key = ("map place counts", clusters.places_version())
    return index.memo.get(key, compute, size=lambda rows: 120 * len(rows) + 256)


def _combined(kind: str, index) -> list[clusters.PlaceRow]:
    rows: dict[int, list] = {}
    sources = [pledge_place_rows(index)]
    if kind == "both":
        sources.append(clusters.published_place_counts())
    for source in sources:
        for place_id, latitude, longitude, n in source:
            found = rows.setdefault(place_id, [place_id, latitude, longitude, 0])
            found[3] += n
    return [tuple(row) for row in rows.values()]


def _describe(markers: list[dict], kind: str) -> None:
    single = {m["place_id"] for m in markers if m["places"] == 1}
    places = {
        pk: (name, slug, place_kind, country)
        for pk, name, slug, place_kind, country in Place.objects.filter(pk__in=single).values_list(
            "pk", "name", "slug", "kind", "country"
        )
    }
    titles = {}
    lone = [m["place_id"] for m in markers if m["n"] == 1][: clusters.MAX_TITLED_POINTS]
    if lone and kind == "pledges":
        rows = Pledge.objects.published().order_by().filter(places__in=lone).values_list("places", "title", "slug")
        titles = {place_id: (title, slug) for place_id, title, slug in rows}
    for marker in markers:
        place_id = marker.pop("place_id")
        if marker.pop("places") == 1 and place_id in places:
            name, slug, place_kind, country = places[place_id]
            marker["place"] = name
            marker["place_url"] = (
                country_url(country) if place_kind == Place.Kind.COUNTRY else reverse("places:detail", args=[slug])
            )
        if place_id in titles and marker["n"] == 1:
            title, slug = titles[place_id]
            marker["title"], marker["url"] = title, reverse("pledges:detail", args=[slug])


def clusters_json(request):
    """Markers of pledges (kind=pledges) or of pledges and practices (kind=both) for the map's view."""
    kind = request.GET.get("kind", "pledges")
    if kind not in ("pledges", "both"):
        return JsonResponse({"error": _("kind is pledges or both.")}, status=400)
    try:
        bounds = clusters.Bounds.parse(request.GET.get("bbox", ""))
        zoom = clusters.parse_zoom(request.GET.get("zoom", ""))
    except clusters.BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    index = pledge_index()  # once: each look-up asks the cache whether public content changed
    rows = _combined(kind, index)
    markers = clusters.grid([row for row in rows if bounds.contains(row[1], row[2])], zoom)
    _describe(markers, kind)
    # Every published pledge and practice, from the indexes the list pages keep (the same numbers).
    total = len(index.ids) + (len(facet_index().ids) if kind == "both" else 0)
    return JsonResponse({"total": total, "zoom": zoom, "markers": markers})
