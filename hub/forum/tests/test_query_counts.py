"""A topic page makes as many SQL queries on its first page as on its last, with 3 authors or 30,
whoever reads it: the count is constant, whatever the length of the topic."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hub.forum import services

pytestmark = pytest.mark.django_db


def add_posts(topic, count: int, start: int) -> None:
    for n in range(start, start + count):
        user = get_user_model().objects.create_user(f"member{n}", f"member{n}@example.org", first_name=f"M{n}")
        services.post_reply(topic=topic, user=user, body=f"Reply {n} with a [link](https://example.org/{n})")


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("reader", ["visitor", "member", "moderator"])
def test_a_topic_page_makes_the_same_queries_on_every_page_however_many_posts_and_authors(
    client, topic, alice, maya, trusted, settings, reader
):
    settings.POSTS_PER_PAGE = 10
    if reader != "visitor":
        client.force_login(alice if reader == "member" else maya)
    add_posts(topic, 3, 0)
    url = topic.get_absolute_url()
    few = queries(client, url)
    add_posts(topic, 40, 3)
    many = {queries(client, url), queries(client, f"{url}?page=2"), queries(client, f"{url}?page=5")}
    assert many == {few}
