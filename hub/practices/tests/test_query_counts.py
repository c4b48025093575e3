"""The number of SQL queries a page makes does not grow with the number of practices."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.practices.models import Practice
from hub.vocabularies.models import TargetGroup

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/practices/",
    "/practices/?theme=education&continent=EU&year=2022",
    "/practices/?sort=title&page=1",
    "/topics/education/",
    "/topics/",
    "/feeds/practices/",
    "/feeds/topics/education/",
]


def add_practices(practice_factory, count: int, start: int) -> list[Practice]:
    made = []
    places = [("Terrassa", "ES"), ("Mechelen", "BE"), ("Maipú", "CL"), ("Dallas", "US")]
    for n in range(start, start + count):
        practice = practice_factory(
            f"Practice number {n}",
            topics=("education", "cultural", "youth", "gcm-objective-16"),
            place=places[n % len(places)],
        )
        practice.target_groups.set(TargetGroup.objects.all()[:3])
        practice.tags.set(["language", f"tag-{n}"])
        made.append(practice)
    return made


def count_queries(client, url: str) -> int:
    client.get(url)  # once-per-process lookups (content types, …) are not what is measured
    cache.clear()  # both measures build the facet index afresh
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("url", PAGES)
def test_list_pages_make_as_many_queries_for_3_practices_as_for_30(client, practice_factory, url):
    add_practices(practice_factory, 3, start=0)
    few = count_queries(client, url)

    add_practices(practice_factory, 27, start=3)
    many = count_queries(client, url)

    assert many == few


def test_a_practice_page_makes_as_many_queries_with_many_relations(client, practice_factory):
    small = add_practices(practice_factory, 3, start=0)[1]
    few = count_queries(client, small.get_absolute_url())

    others = add_practices(practice_factory, 10, start=3)
    big = others[5]
    big.places.add(*[p for o in others for p in o.places.all()])
    for other in others[:4]:
        other.adapted_from = big
        other.save()
    many = count_queries(client, big.get_absolute_url())

    assert many == few
