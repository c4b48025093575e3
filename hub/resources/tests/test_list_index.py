"""The resource list selects and counts through the resources' facet index (hub/resources/facets.py):
it gives what the filters give in SQL, page after page, and a publication, an edit or an archiving
shows on the next page; another kind's change (a practice's, a pledge's) keeps the index as it is."""

from datetime import date

import pytest

from hub.pledges.tests.conftest import make_pledge
from hub.publishing import services as publishing
from hub.resources.filters import ResourceFilter
from hub.resources.models import Resource
from hub.resources.tests.factories import make_resource
from hub.search.facet_index import STATS
from hub.search.listing import listings_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    """Thirty resources over three types, two languages, two countries and three years, and a draft."""
    types, languages = ("tool", "research", "podcast"), (("en",), ("fr", "en"))
    places, years = (("Lyon", "FR"), ("Bogotá", "CO")), (2021, 2022, 2023)
    for n in range(30):
        make_resource(
            f"Resource {n:02d}",
            type=types[n % 3],
            languages=languages[n % 2],
            place=places[n % 2] if n % 5 else None,
            issued=date(years[n % 3], 1 + n % 12, 1),
            topics=("discrimination-and-xenophobia", "education") if n % 4 == 0 else ("education",),
        )
    make_resource("A draft", type="tool", status=Resource.Status.SUBMITTED)


def titles(response) -> list[str]:
    return [resource.title for resource in response.context["page"]]


def counts(response) -> dict:
    return {group.name: {o.value: o.count for o in group.options} for group in response.context["facet_groups"]}


def sql_titles(query: dict) -> list[str]:
    filterset = ResourceFilter(query, queryset=Resource.objects.published())
    return list(filterset.qs.values_list("title", flat=True))


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"type": "tool"},
        {"language": "fr", "country": "FR"},
        {"theme": "discrimination-and-xenophobia", "year": "2021"},
        {"type": "research", "q": "Resource 1"},
        {"country": "CO", "year": "2099"},
    ],
)
def test_the_index_selects_what_the_filters_select_in_sql_page_after_page(client, settings, library, query):
    settings.PRACTICES_PER_PAGE = 4
    expected = sql_titles(query)
    shown = []
    for number in range(1, 20):
        response = client.get("/resources/", {**query, "page": number})
        if response.status_code == 404:
            break
        shown += titles(response)
    assert shown == expected
    assert response.status_code == 404 or not expected  # every page was seen


def test_counts_are_those_of_the_selection_for_every_filter(client, library):
    response = client.get("/resources/", {"type": "tool", "country": "FR"})
    selected = Resource.objects.published().filter(
        pk__in=ResourceFilter({"type": "tool", "country": "FR"}, queryset=Resource.objects.published()).qs.values("pk")
    )

    found = counts(response)

    assert found["type"] == {"tool": selected.count()}
    assert found["country"] == {"FR": selected.count()}
    assert found["language"] == {
        code: selected.filter(languages__code=code).count()
        for code in ("en", "fr")
        if selected.filter(languages__code=code).exists()
    }
    years = {str(r.issued.year) for r in selected}
    assert found["year"] == {year: selected.filter(issued__year=int(year)).count() for year in years}
    assert list(found["year"]) == sorted(years, reverse=True)  # newest first
    assert found["theme"]["education"] == selected.count()
    assert "A draft" not in response.content.decode()


def test_an_edit_an_archiving_and_a_publication_show_on_the_next_page(client, committed, maya, library):
    resource = Resource.objects.get(title="Resource 03")  # a tool
    assert counts(client.get("/resources/"))["type"]["tool"] == 10

    committed(lambda: publishing.content_set_fields(obj=resource, by=maya, reason="Retyped", type="video"))
    page = client.get("/resources/", {"type": "video"})
    assert titles(page) == ["Resource 03"] and counts(page)["type"] == {"video": 1}

    committed(lambda: publishing.content_archive(obj=resource, by=maya))
    page = client.get("/resources/")
    assert "video" not in counts(page)["type"] and "Resource 03" not in titles(page)

    draft = Resource.objects.get(title="A draft")
    committed(lambda: publishing.content_publish(obj=draft, by=maya))
    page = client.get("/resources/")
    assert titles(page)[0] == "A draft" and counts(page)["type"]["tool"] == 10


def test_other_kinds_changes_keep_the_index_and_a_resources_change_rebuilds_it(
    client, committed, maya, practice_factory, library
):
    draft = practice_factory("A practice", status="submitted")
    pledge = make_pledge("A pledge", status="submitted")
    client.get("/resources/")
    before = STATS["resources built in a request"]

    committed(lambda: publishing.content_publish(obj=draft, by=maya))
    committed(lambda: publishing.content_publish(obj=pledge, by=maya))
    client.get("/resources/")
    assert STATS["resources built in a request"] == before

    resource = Resource.objects.get(title="Resource 00")
    committed(lambda: publishing.content_set_fields(obj=resource, by=maya, reason="Edited", title="Resource 00 bis"))
    assert "Resource 00 bis" in titles(client.get("/resources/", {"type": "tool"}))
    assert STATS["resources built in a request"] == before + 1


def test_a_change_of_everything_rebuilds_the_index(client, committed, library):
    client.get("/resources/")
    before = STATS["resources built in a request"]
    committed(lambda: listings_changed())  # an import, a renamed term, a rebuild of the search index
    client.get("/resources/")
    assert STATS["resources built in a request"] == before + 1
