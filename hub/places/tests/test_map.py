"""The world map's data: server-side clusters of published practices only, narrowed by the list's filters."""

import json
import random

import pytest
from django.db import connection
from django.utils import timezone

from hub.places import clusters
from hub.places.models import Place
from hub.practices.models import Practice

pytestmark = pytest.mark.django_db

WORLD = "-180,-90,180,90"


def markers(client, query="", *, language_prefix=""):
    response = client.get(f"{language_prefix}/map/clusters/?bbox={WORLD}&zoom=18&{query}")
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_the_map_json_never_contains_unpublished_practices(client, practice_factory, alice, maya):
    practice_factory("Community Ambassador Program, Dallas", place=("Dallas", "US"))
    practice_factory("Secret draft in Terrassa", status=Practice.Status.DRAFT, place=("Terrassa", "ES"))
    practice_factory("Submitted in Mechelen", status=Practice.Status.SUBMITTED, place=("Mechelen", "BE"))
    practice_factory("Rejected in Maipú", status=Practice.Status.REJECTED, place=("Maipú", "CL"))
    practice_factory("Archived in Laguna", status=Practice.Status.ARCHIVED, place=("Laguna Province", "PH"))

    for who in (None, alice, maya):  # not even a moderator sees unpublished practices on the public map
        if who:
            client.force_login(who)
        for zoom in (2, 18):
            response = client.get(f"/map/clusters/?bbox={WORLD}&zoom={zoom}")
            text = response.content.decode()
            data = response.json()
            assert data["total"] == 1
            assert sum(marker["n"] for marker in data["markers"]) == 1
            for hidden in ("Secret", "Submitted", "Rejected", "Archived", "Terrassa", "Mechelen", "Maip", "Laguna"):
                assert hidden not in text


def test_a_lone_practice_is_a_point_with_its_title_and_address(client, practice_factory):
    practice = practice_factory("Community Ambassador Program, Dallas", place=("Dallas", "US"))

    [point] = markers(client)["markers"]

    assert point["n"] == 1
    assert point["title"] == practice.title
    assert point["url"] == practice.get_absolute_url()
    assert point["place"] == "Dallas"
    assert point["place_url"] == practice.places.get().get_absolute_url()
    assert point["lat"] == pytest.approx(32.78, abs=0.1)


def test_nearby_practices_make_one_cluster_far_out_and_separate_points_close_in(client, practice_factory):
    practice_factory("Language cafés in Terrassa", place=("Terrassa", "ES"))
    practice_factory("Welcome desks in Barcelona", place=("Barcelona", "ES"))
    practice_factory("Mentors in Dallas", place=("Dallas", "US"))

    world = client.get(f"/map/clusters/?bbox={WORLD}&zoom=2").json()["markers"]
    catalonia = [marker for marker in world if marker["lng"] > 0]
    assert [marker["n"] for marker in catalonia] == [2]
    assert "title" not in catalonia[0]  # a cluster: clicking it zooms in

    close = client.get("/map/clusters/?bbox=1.5,41.2,2.5,41.8&zoom=12").json()["markers"]
    assert sorted(marker["title"] for marker in close) == ["Language cafés in Terrassa", "Welcome desks in Barcelona"]


def test_the_list_filters_narrow_the_map(client, practice_factory):
    practice_factory("Language cafés in Terrassa", place=("Terrassa", "ES"), topics=("education",))
    practice_factory("Mentors in Dallas", place=("Dallas", "US"), topics=("employment",))

    assert markers(client, "theme=education")["total"] == 1
    assert [m["title"] for m in markers(client, "theme=education")["markers"]] == ["Language cafés in Terrassa"]
    assert [m["title"] for m in markers(client, "country=US")["markers"]] == ["Mentors in Dallas"]
    assert [m["title"] for m in markers(client, "q=cafés")["markers"]] == ["Language cafés in Terrassa"]
    assert markers(client, "continent=AF")["markers"] == []


def test_the_view_bounds_leave_out_what_is_off_screen_even_across_the_antimeridian(client, practice_factory):
    practice_factory("Mentors in Dallas", place=("Dallas", "US"))
    practice_factory("Language classes in Auckland", place=("Auckland", "NZ"))
    practice_factory("Health navigators in Honolulu", place=("Honolulu", "US"))

    europe = client.get("/map/clusters/?bbox=-10,35,30,60&zoom=5").json()
    assert europe["markers"] == []
    pacific = client.get("/map/clusters/?bbox=160,-50,205,30&zoom=3").json()["markers"]
    assert sorted(m["title"] for m in pacific) == ["Health navigators in Honolulu", "Language classes in Auckland"]


@pytest.mark.parametrize(
    "query",
    [
        "bbox=1,2,3&zoom=3",
        "bbox=a,b,c,d&zoom=3",
        "bbox=0,95,10,96&zoom=3",
        "bbox=10,0,0,10&zoom=3",
        "bbox=nan,0,1,1&zoom=3",
        f"bbox={WORLD}&zoom=-1",
        f"bbox={WORLD}&zoom=99",
        f"bbox={WORLD}&zoom=two",
        f"bbox={WORLD}&zoom=3&theme=no-such-theme",
        f"bbox={WORLD}&zoom=3&year=abc",
    ],
)
def test_bad_bounds_zoom_or_filters_get_a_400_with_a_message(client, practice_factory, query):
    practice_factory()
    response = client.get(f"/map/clusters/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]


def test_the_cached_world_counts_change_when_a_practice_is_published(
    client, practice_factory, maya, django_capture_on_commit_callbacks
):
    from hub.publishing import services as publishing

    practice_factory("Mentors in Dallas", place=("Dallas", "US"))
    draft = practice_factory("Language cafés in Terrassa", status=Practice.Status.SUBMITTED, place=("Terrassa", "ES"))
    assert client.get(f"/map/clusters/?bbox={WORLD}&zoom=2").json()["total"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        publishing.content_publish(obj=draft, by=maya)
    data = client.get(f"/map/clusters/?bbox={WORLD}&zoom=2").json()
    assert data["total"] == 2
    assert sum(m["n"] for m in data["markers"]) == 2


def make_many_practices(number: int, *, seed=7) -> None:
    """Practices spread over many places, written in bulk: the shape of a big repository, made quickly."""
    rng = random.Random(seed)
    places = [
        Place(
            name=f"Town {n}",
            slug=f"town-{n}",
            kind=Place.Kind.CITY,
            country="FR",
            continent="EU",
            latitude=rng.uniform(-60, 70),
            longitude=rng.uniform(-180, 180),
        )
        for n in range(number // 2)
    ]
    Place.objects.bulk_create(places)
    now = timezone.now()
    practices = Practice.objects.bulk_create(
        Practice(
            title=f"Practice number {n}",
            slug=f"practice-number-{n}",
            summary="Many practices for the size of the map's answer.",
            status=Practice.Status.PUBLISHED,
            published_at=now,
        )
        for n in range(number)
    )
    through = Practice.places.through
    through.objects.bulk_create(
        through(practice_id=practice.pk, place_id=places[n % len(places)].pk) for n, practice in enumerate(practices)
    )


def test_a_big_repository_still_sends_a_small_map_whatever_the_zoom(client):
    make_many_practices(20_000)

    for zoom in (0, 2, 5, 18):  # 18 over the whole world is what a forged request would ask
        response = client.get(f"/map/clusters/?bbox={WORLD}&zoom={zoom}")
        data = json.loads(response.content)
        assert len(response.content) < 100_000, f"zoom {zoom}: {len(response.content)} bytes"
        assert len(data["markers"]) <= clusters.MAX_MARKERS
        assert sum(marker["n"] for marker in data["markers"]) == 20_000
        assert data["total"] == 20_000


def test_clusters_take_a_fixed_number_of_queries(client, practice_factory, django_assert_max_num_queries):
    for name, country in (("Dallas", "US"), ("Terrassa", "ES"), ("Mechelen", "BE")):
        practice_factory(f"Practice in {name}", place=(name, country))
    client.get(f"/map/clusters/?bbox={WORLD}&zoom=2&theme=education")  # builds the facet index, once per change
    connection.queries_log.clear()
    with django_assert_max_num_queries(6):
        client.get(f"/map/clusters/?bbox={WORLD}&zoom=18&theme=discrimination-and-xenophobia")


def test_a_country_on_the_map_is_named_in_the_readers_language(client, practice_factory, settings):
    from hub.places.services import place_get_or_create

    settings.LANGUAGES = settings.TRANSLATED_LANGUAGES
    morocco = place_get_or_create(name="Morocco", country="MA", kind=Place.Kind.COUNTRY)
    assert morocco.kind == Place.Kind.COUNTRY
    practice = practice_factory("Migrant help desks across Morocco", place=None)
    practice.places.set([morocco])

    english = markers(client)["markers"]
    french = markers(client, language_prefix="/fr")["markers"]
    arabic = markers(client, language_prefix="/ar")["markers"]

    assert [marker["place"] for marker in english] == ["Morocco"]
    assert [marker["place"] for marker in french] == ["Maroc"]
    assert [marker["place"] for marker in arabic] == ["المغرب"]
