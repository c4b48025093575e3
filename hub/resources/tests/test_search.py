"""Resources in the site search: registered through their kind, found on a tab of their own with a facet
by type; nothing unpublished is found, and what leaves publication leaves the index."""

import pytest

from hub.publishing import services as publishing
from hub.resources.models import Resource
from hub.resources.search import RESOURCE_SEARCH
from hub.resources.tests.factories import make_resource
from hub.search.models import SearchDocument
from hub.search.services import search_rebuild

pytestmark = pytest.mark.django_db


def tabs(response) -> dict[str, int | None]:
    return {str(tab["label"]): tab["count"] for tab in response.context["tabs"]}


def found(client, words: str, **filters) -> list[str]:
    return [str(obj) for obj in client.get("/search/", {"q": words, "kind": "resources", **filters}).context["page"]]


def is_indexed(resource) -> bool:
    return SearchDocument.objects.filter(pk=RESOURCE_SEARCH.document_id(resource.pk)).exists()


def test_a_published_resource_is_found_on_the_resources_tab_by_its_words_author_and_place(client):
    make_resource("Anti-rumour handbook", summary="How cities train anti-rumour agents.")
    make_resource("A draft under review", status=Resource.Status.SUBMITTED, summary="Agents in cities.")

    assert tabs(client.get("/search/", {"q": "agents"}))["Resources"] == 1
    assert found(client, "agents") == ["Anti-rumour handbook"]
    assert found(client, "Council Europe") == ["Anti-rumour handbook"]  # the author
    assert found(client, "Espagne") == ["Anti-rumour handbook"]  # the place's country, in French
    page = client.get("/search/", {"q": "agents", "kind": "resources"}).content.decode()
    assert "A draft under review" not in page
    assert "anti-rumour <mark>agents</mark>" in page  # the snippet: the summary, the words marked


def test_a_resource_leaves_the_index_when_it_is_rejected_or_archived(client, maya):
    rejected = make_resource("Handbook on rumours", status=Resource.Status.SUBMITTED)
    archived = make_resource("Guide to rumours")
    assert found(client, "rumours") == ["Guide to rumours"]
    assert not is_indexed(rejected)

    publishing.content_archive(obj=archived, by=maya)
    publishing.content_reject(obj=rejected, by=maya, reason="Off topic.")

    assert found(client, "rumours") == []
    assert not is_indexed(archived) and not is_indexed(rejected)


def test_the_resources_tab_counts_by_type_and_filters_by_it(client):
    make_resource("Rumour handbook", type="tool")
    make_resource("Rumour research", type="research")
    make_resource("Rumour podcast", type="podcast", status=Resource.Status.SUBMITTED)

    page = client.get("/search/", {"q": "rumour", "kind": "resources"})

    types = next(group for group in page.context["facet_groups"] if group.name == "type")
    assert sorted((str(o.label), o.count) for o in types.options) == [
        ("Research and reports", 1),
        ("Tools and guidelines", 1),
    ]
    assert found(client, "rumour", type="research") == ["Rumour research"]


def test_a_rebuild_indexes_the_published_resources_only(client):
    published = make_resource("Rumour handbook")
    draft = make_resource("Rumour draft", status=Resource.Status.SUBMITTED)
    SearchDocument.objects.all().delete()

    search_rebuild()

    assert is_indexed(published) and not is_indexed(draft)
    assert found(client, "rumour") == ["Rumour handbook"]
