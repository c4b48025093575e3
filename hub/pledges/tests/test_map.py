"""Pledges on the world map: kind=pledges, or both with the practices; the practice map unchanged."""

from hub.pledges.models import Pledge


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
