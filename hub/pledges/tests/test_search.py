"""Pledges in the site search: registered with search through their kind, found on a tab of their own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.pledges.models import Pledge
from hub.publishing import services as publishing

pytestmark = pytest.mark.django_db


def tabs(response) -> dict[str, int | None]:
    return {str(tab["label"]): tab["count"] for tab in response.context["tabs"]}


def test_a_published_pledge_is_found_on_the_pledges_tab_of_the_site_search(client, pledge_factory, practice_factory):
    practice_factory("Family support in Barranquilla")
    pledge_factory("PA'LANTE for migrant and refugee families")
    pledge_factory("A pledge under review", status=Pledge.Status.SUBMITTED, body="City of Barranquilla")

    assert tabs(client.get("/search/", {"q": "Barranquilla"}))["Pledges"] == 1
    page = client.get("/search/", {"q": "Barranquilla", "kind": "pledges"})
    assert [str(p) for p in page.context["page"]] == ["PA'LANTE for migrant and refugee families"]
    assert "A pledge under review" not in page.content.decode()


def test_a_pledge_leaves_the_search_when_it_is_archived(client, pledge_factory, maya):
    pledge = pledge_factory()
    assert client.get("/search/", {"q": "families", "kind": "pledges"}).context["search"].count == 1

    publishing.content_archive(obj=pledge, by=maya)

    assert client.get("/search/", {"q": "families", "kind": "pledges"}).context["search"].count == 0


def test_the_pledges_tab_counts_by_state(client, pledge_factory):
    pledge_factory()

    page = client.get("/search/", {"q": "families", "kind": "pledges"})

    states = next(group for group in page.context["facet_groups"] if group.name == "state")
    assert [(str(o.label), o.count) for o in states.options] == [("Pledged", 1)]


def test_the_pledges_tab_counts_a_pledge_published_after_the_same_search(client, pledge_factory, committed):
    assert tabs(client.get("/search/", {"q": "Barranquilla"}))["Pledges"] == 0

    committed(lambda: pledge_factory())

    assert tabs(client.get("/search/", {"q": "Barranquilla"}))["Pledges"] == 1


def test_the_pledges_tab_drops_an_archived_pledge_at_once(client, pledge_factory, maya):
    pledge = pledge_factory()
    assert tabs(client.get("/search/", {"q": "families"}))["Pledges"] == 1

    publishing.content_archive(obj=pledge, by=maya)  # not committed: the writer's next page sees it too

    assert tabs(client.get("/search/", {"q": "families"}))["Pledges"] == 0


def test_a_practice_publication_keeps_the_pledges_tab_count_without_counting_again(
    client, pledge_factory, practice_factory, committed
):
    pledge_factory()
    assert tabs(client.get("/search/", {"q": "families"}))["Pledges"] == 1

    committed(lambda: practice_factory("Support for refugee families in Dallas"))
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/search/", {"q": "families"})

    assert (tabs(page)["Practices"], tabs(page)["Pledges"]) == (1, 1)
    assert not [query["sql"] for query in queries if "pledges_pledge" in query["sql"]]
