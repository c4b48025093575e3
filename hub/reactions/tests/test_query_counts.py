"""The reactions panel of a practice page and the directory make as many SQL queries with 30 comments,
ratings and members as with 3. Only the queries of our tables are counted on the practice page: the rest
of that page belongs to hub.practices and is counted by its own tests."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.people.models import Profile
from hub.reactions import services
from hub.vocabularies.models import Topic

pytestmark = pytest.mark.django_db


def add_members(count: int, start: int, practice) -> None:
    for n in range(start, start + count):
        user = get_user_model().objects.create_user(f"member{n}", f"member{n}@example.org", first_name=f"M{n}")
        profile = Profile.objects.create(user=user, listed=True, city="Lyon")
        profile.expertise.set(Topic.objects.filter(slug__in=["education", "health"]))
        services.rating_set(obj=practice, user=user, score=1 + n % 5)
        services.comment_approve(comment=services.comment_create(obj=practice, user=user, body=f"c{n}"), by=None)


OUR_TABLES = ("reactions_", "people_profile", "auth_user")


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return sum(1 for query in captured.captured_queries if any(table in query["sql"] for table in OUR_TABLES))


@pytest.mark.parametrize("signed_in", [False, True])
def test_queries_do_not_grow_with_comments_ratings_or_members(client, practice_factory, maya, signed_in):
    practice = practice_factory()
    if signed_in:
        client.force_login(maya)
    add_members(3, 0, practice)
    few = {url: queries(client, url) for url in (practice.get_absolute_url(), "/community/")}
    add_members(27, 3, practice)
    many = {url: queries(client, url) for url in (practice.get_absolute_url(), "/community/")}
    assert many == few
