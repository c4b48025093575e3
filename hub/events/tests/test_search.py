"""Events in the site search: registered through their kind, found on a tab of their own with facets by
type and place; nothing unpublished is found, and what leaves publication leaves the index."""

import pytest

from hub.events.models import Event
from hub.events.search import EVENT_SEARCH
from hub.events.tests.factories import make_event
from hub.publishing import services as publishing
from hub.search.models import SearchDocument
from hub.search.services import search_rebuild

pytestmark = pytest.mark.django_db


def tabs(response) -> dict[str, int | None]:
    return {str(tab["label"]): tab["count"] for tab in response.context["tabs"]}


def found(client, words: str, **filters) -> list[str]:
    return [str(obj) for obj in client.get("/search/", {"q": words, "kind": "events", **filters}).context["page"]]


def is_indexed(event) -> bool:
    return SearchDocument.objects.filter(pk=EVENT_SEARCH.document_id(event.pk)).exists()


def test_a_published_event_is_found_on_the_events_tab_by_its_words_organiser_and_place(client):
    make_event("Dialogue on migration", description="Cities discuss **integration** policies.")
    make_event("A webinar under review", status=Event.Status.SUBMITTED, description="Integration policies.")

    assert tabs(client.get("/search/", {"q": "integration"}))["Events"] == 1
    assert found(client, "integration") == ["Dialogue on migration"]
    assert found(client, "IOM") == ["Dialogue on migration"]  # the organiser
    assert found(client, "Suisse") == ["Dialogue on migration"]  # the place's country, in French
    page = client.get("/search/", {"q": "integration", "kind": "events"}).content.decode()
    assert "A webinar under review" not in page
    assert "Cities discuss <mark>integration</mark> policies." in page  # the description's text, no Markdown


def test_an_event_leaves_the_index_when_it_is_rejected_or_archived(client, maya):
    rejected = make_event("Workshop on housing", status=Event.Status.SUBMITTED)
    archived = make_event("Conference on housing")
    assert found(client, "housing") == ["Conference on housing"]
    assert not is_indexed(rejected)

    publishing.content_archive(obj=archived, by=maya)
    publishing.content_reject(obj=rejected, by=maya, reason="Off topic.")

    assert found(client, "housing") == []
    assert not is_indexed(archived) and not is_indexed(rejected)


def test_the_events_tab_counts_by_type_and_place_and_filters_by_them(client):
    make_event("Housing webinar", type="webinar", place=None, online_url="https://example.org/live")
    make_event("Housing workshop", type="workshop", place=("Lyon", "FR"))
    make_event("Housing conference", type="conference", status=Event.Status.SUBMITTED)

    page = client.get("/search/", {"q": "housing", "kind": "events"})

    groups = {group.name: group for group in page.context["facet_groups"]}
    assert sorted((str(o.label), o.count) for o in groups["type"].options) == [("Webinar", 1), ("Workshop", 1)]
    assert [(str(o.label), o.count) for o in groups["place"].options] == [("Lyon, France", 1)]
    assert found(client, "housing", type="webinar") == ["Housing webinar"]


def test_a_rebuild_indexes_the_published_events_only(client):
    published = make_event("Housing conference")
    draft = make_event("Housing draft", status=Event.Status.SUBMITTED)
    SearchDocument.objects.all().delete()

    search_rebuild()

    assert is_indexed(published) and not is_indexed(draft)
    assert found(client, "housing") == ["Housing conference"]
