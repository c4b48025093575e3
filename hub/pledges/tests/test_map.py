"""Pledges on the world map: kind=pledges, or both with the practices; the practice map unchanged."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.places.models import Place
from hub.places.services import place_update
from hub.pledges.models import Pledge
from hub.publishing import services as publishing


def test_the_map_shows_published_pledges_beside_or_instead_of_practices(client, pledge_factory, practice_factory):
    pledge = pledge_factory()
    pledge_factory("A pledge under review", place=("Dallas", "US"), status=Pledge.Status.SUBMITTED)
    practice_factory()  # in Dallas

    pledges = client.get("/pledges/map/clusters/", {"kind": "pledges", "zoom": "3"}).json()
    both = client.get("/pledges/map/clusters/", {"kind": "both", "zoom": "3"}).json()
    practices = client.get("/map/clusters/", {"zoom": "3"}).json()

    assert pledges["total"] == 1 and [m["url"] for m in pledges["markers"]] == [pledge.get_absolute_url()]
    assert both["total"] == 2 and sorted(m["n"] for m in both["markers"]) == [1, 1]
    assert practices["total"] == 1 and "pledges" not in practices["markers"][0].get("url", "")


def test_the_map_page_asks_the_pledge_clusters_when_told(client, db):
    page = client.get("/map/", {"kind": "both"}).content.decode()

    assert 'data-clusters-url="/pledges/map/clusters/?kind=both"' in page
    assert 'data-clusters-url="/map/clusters/' in client.get("/map/").content.decode()


def test_a_bad_kind_or_bbox_is_a_400(client, db):
    assert client.get("/pledges/map/clusters/", {"kind": "events"}).status_code == 400
    assert client.get("/pledges/map/clusters/", {"bbox": "1,2"}).status_code == 400


def test_the_pledge_markers_follow_a_pledge_and_a_place_correction_and_a_practice_leaves_them(
    client, committed, pledge_factory, practice_factory, maya
):
    pledge_factory()  # in Barranquilla
    waiting = pledge_factory("Lyon welcomes", body="City of Lyon", place=("Lyon", "FR"), status=Pledge.Status.SUBMITTED)
    practice = practice_factory(status="submitted")

    def markers():
        found = client.get("/pledges/map/clusters/", {"kind": "pledges", "zoom": "3"}).json()
        return found["total"], sorted((m.get("place"), m["lat"], m["lng"]) for m in found["markers"])

    assert markers()[0] == 1
    committed(lambda: publishing.content_publish(obj=practice, by=maya))
    with CaptureQueriesContext(connection) as queries:
        assert markers()[0] == 1
    # The pledges' places were not counted again for a practice's publication.
    assert not [q for q in queries if "COUNT(" in q["sql"] and "pledges_pledge_places" in q["sql"]]

    committed(lambda: publishing.content_publish(obj=waiting, by=maya))
    total, found = markers()
    assert total == 2 and [place for place, _lat, _lng in found] == ["Barranquilla", "Lyon"]
    lyon = Place.objects.get(name="Lyon")

    committed(lambda: place_update(place=lyon, name="Lyon", kind="city", country="FR", latitude=45.0, longitude=4.5))
    assert ("Lyon", 45.0, 4.5) in markers()[1]
