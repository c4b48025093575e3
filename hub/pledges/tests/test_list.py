"""/pledges/: filters in the URL with counts, totals of the selection, a feed per filter, initiative pages."""

import html
from datetime import date

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.pledges.models import Pledge
from hub.publishing import services as publishing
from hub.resources.tests.factories import make_resource
from hub.search.facet_index import STATS


def seeds(pledge_factory, initiative):
    pledge_factory(initiative=initiative, targets=((500, "families"), (40, "case managers")))
    pledge_factory(
        "Community Ambassadors Programme",
        body="City of Dallas",
        place=("Dallas", "US"),
        initiative=initiative,
        targets=((40, "ambassadors"),),
        start=date(2022, 1, 1),
        end=date(2022, 12, 1),
        state=Pledge.State.COMPLETED,
    )
    pledge_factory(
        "Moroccan dialect classes for teachers",
        body="City of Terrassa",
        place=("Terrassa", "ES"),
        targets=((200, "families"),),
        topics=("education",),
    )
    pledge_factory("A pledge under review", body="City of Maipú", place=("Maipú", "CL"), status=Pledge.Status.SUBMITTED)


def test_the_list_counts_filters_and_totals_only_published_pledges(client, pledge_factory, call_to_local_action):
    seeds(pledge_factory, call_to_local_action)

    response = client.get("/pledges/")

    totals = response.context["totals"]
    assert (totals.pledges, totals.bodies, totals.countries) == (3, 3, 3)
    assert dict(totals.units) == {"families": 700, "case managers": 40, "ambassadors": 40}
    groups = {group.name: {o.value: o.count for o in group.options} for group in response.context["facet_groups"]}
    assert groups["initiative"] == {"call-to-local-action": 2}
    assert groups["state"] == {"pledged": 2, "completed": 1}
    assert groups["country"] == {"CO": 1, "US": 1, "ES": 1}
    assert groups["continent"] == {"LA": 1, "NA": 1, "EU": 1}
    assert groups["year"]["2022"] == 1 and groups["year"]["2024"] == 2
    assert "A pledge under review" not in html.unescape(response.content.decode())


def test_filters_in_the_url_select_and_total_the_selection(client, pledge_factory, call_to_local_action):
    seeds(pledge_factory, call_to_local_action)

    response = client.get("/pledges/", {"initiative": "call-to-local-action", "state": "pledged"})

    assert [p.title for p in response.context["page"]] == ["PA'LANTE for migrant and refugee families"]
    assert dict(response.context["totals"].units) == {"families": 500, "case managers": 40}
    assert client.get("/pledges/", {"country": "ES"}).context["totals"].pledges == 1
    assert client.get("/pledges/", {"continent": "NA"}).context["totals"].pledges == 1
    assert client.get("/pledges/", {"theme": "education"}).context["totals"].pledges == 1
    assert client.get("/pledges/", {"body": "local-government"}).context["totals"].pledges == 3
    assert client.get("/pledges/", {"year": "2022"}).context["totals"].pledges == 1
    city = Pledge.objects.get(title__startswith="Community").places.get()
    assert client.get("/pledges/", {"city": city.slug}).context["totals"].pledges == 1


def test_a_bad_filter_is_a_400_with_a_message(client, pledge_factory, call_to_local_action):
    seeds(pledge_factory, call_to_local_action)

    response = client.get("/pledges/", {"state": "bogus", "year": "abc"})

    assert response.status_code == 400
    assert "were not understood" in response.content.decode()


def test_a_country_filter_takes_a_two_letter_code_as_written_and_nothing_else(
    client, pledge_factory, call_to_local_action
):
    seeds(pledge_factory, call_to_local_action)

    assert client.get("/pledges/", {"country": "ES"}).status_code == 200
    for code in ("es", "ESP", "XX", "E"):
        assert client.get("/pledges/", {"country": code}).status_code == 400, code


def test_the_feed_follows_the_filters(client, pledge_factory, call_to_local_action):
    seeds(pledge_factory, call_to_local_action)

    feed = html.unescape(client.get("/feeds/pledges/", {"country": "US"}).content.decode())

    assert "Community Ambassadors Programme" in feed and "PA'LANTE" not in feed and "under review" not in feed


def test_an_initiative_page_lists_its_pledges_and_totals(client, pledge_factory, call_to_local_action):
    seeds(pledge_factory, call_to_local_action)

    response = client.get("/pledges/initiatives/call-to-local-action/")

    assert response.status_code == 200 and response.context["totals"].pledges == 2
    assert "Moroccan dialect" not in html.unescape(response.content.decode())
    assert "Call to Local Action" in client.get("/pledges/initiatives/").content.decode()


def test_the_list_takes_the_same_number_of_queries_for_3_or_30_pledges(client, pledge_factory, call_to_local_action):
    seeds(pledge_factory, call_to_local_action)
    cache.clear()  # the counts are cached until public content changes: count them each time
    with CaptureQueriesContext(connection) as few:
        client.get("/pledges/", {"country": "CO"})
    for n in range(27):
        pledge_factory(f"Pledge number {n}", body=f"City {n}", targets=((n + 1, f"unit {n}"),))
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        client.get("/pledges/", {"country": "CO"})

    assert len(many) == len(few) and len(few) > 10


def test_a_filtered_list_pages_newest_first_and_follows_a_publication(
    client, pledge_factory, django_capture_on_commit_callbacks
):
    for n in range(25):
        pledge_factory(f"Pledge number {n}", body=f"City {n}")
    pledge_factory("Elsewhere", body="City of Lyon", place=("Lyon", "FR"))

    first = client.get("/pledges/", {"country": "CO"})
    second = client.get("/pledges/", {"country": "CO", "page": 2})

    assert [p.title for p in first.context["page"]] == [f"Pledge number {n}" for n in range(24, 4, -1)]
    assert [p.title for p in second.context["page"]] == [f"Pledge number {n}" for n in range(4, -1, -1)]
    assert second.context["page"].paginator.count == 25
    assert client.get("/pledges/", {"country": "CO", "page": 3}).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):  # the new listing version, once committed
        pledge_factory("The newest pledge", body="City of Cali")
    assert client.get("/pledges/", {"country": "CO"}).context["page"][0].title == "The newest pledge"


def test_an_ongoing_pledge_counts_in_every_year_the_year_filter_selects_it(client, pledge_factory):
    pledge_factory("Ongoing since 2021", body="City of Lyon", place=("Lyon", "FR"), start=date(2021, 3, 1), end=None)
    pledge_factory("Only in 2022", body="City of Cali", start=date(2022, 1, 1), end=date(2022, 6, 1))
    this_year = date.today().year

    years = {o.value: o.count for o in client.get("/pledges/").context["facet_groups"][-1].options}
    later = client.get("/pledges/", {"year": this_year + 3})

    assert years["2021"] == 1 and years["2022"] == 2 and years[str(this_year)] == 1 and "2020" not in years
    assert [p.title for p in later.context["page"]] == ["Ongoing since 2021"]
    chosen = {o.value: o.count for o in later.context["facet_groups"][-1].options}
    assert chosen[str(this_year + 3)] == later.context["totals"].pledges == 1


def test_a_new_combination_of_filters_is_counted_without_asking_the_database(
    client, pledge_factory, call_to_local_action
):
    seeds(pledge_factory, call_to_local_action)
    client.get("/pledges/")  # the index of the published pledges, built once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/pledges/", {"continent": "LA", "theme": "discrimination-and-xenophobia"})

    totals = response.context["totals"]
    assert totals.pledges == 1 and dict(totals.units) == {"families": 500, "case managers": 40}
    counting = [q["sql"] for q in queries if "pledges_pledge_topics" in q["sql"] or "SUM(" in q["sql"].upper()]
    assert counting == [] and len(queries) <= 6


def test_with_nothing_published_the_list_says_so_and_keeps_the_filter_chosen(client, pledge_factory):
    pledge_factory("A pledge under review", status=Pledge.Status.SUBMITTED)

    response = client.get("/pledges/", {"country": "CO", "year": "2024"})

    assert response.status_code == 200 and response.context["totals"].pledges == 0
    assert "No published pledge matches these filters." in response.content.decode()
    groups = {group.name: [(o.value, o.count) for o in group.options] for group in response.context["facet_groups"]}
    assert groups["country"] == [("CO", 0)] and groups["year"] == [("2024", 0)] and groups["state"] == []


def test_only_a_pledges_change_rebuilds_the_pledge_index(client, committed, pledge_factory, practice_factory, maya):
    pledge_factory("Published", body="City of Lyon", place=("Lyon", "FR"))
    waiting = pledge_factory("Waiting", body="City of Cali", status=Pledge.Status.SUBMITTED)
    practice = practice_factory("A practice", status="submitted")
    resource = make_resource("A resource", status="submitted")
    assert [p.title for p in client.get("/pledges/").context["page"]] == ["Published"]
    before = STATS["pledges built in a request"]

    committed(lambda: publishing.content_publish(obj=practice, by=maya))
    committed(lambda: publishing.content_publish(obj=resource, by=maya))
    client.get("/pledges/")
    assert STATS["pledges built in a request"] == before

    committed(lambda: publishing.content_publish(obj=waiting, by=maya))
    assert [p.title for p in client.get("/pledges/").context["page"]] == ["Waiting", "Published"]
    assert STATS["pledges built in a request"] == before + 1
