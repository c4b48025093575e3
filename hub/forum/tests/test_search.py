"""Forum posts in the site search: a published post is found on the posts tab, linked to itself under its
topic's title; a waiting post is not, a removed post's words never again, and an edit is searched as
written."""

import pytest

from hub.forum import services
from hub.forum.models import Post
from hub.forum.search import POST_SEARCH
from hub.search.models import SearchDocument
from hub.search.services import search_rebuild

pytestmark = pytest.mark.django_db


def tabs(response) -> dict[str, int | None]:
    return {str(tab["label"]): tab["count"] for tab in response.context["tabs"]}


def found(client, words: str, **filters) -> list[int]:
    return [post.pk for post in client.get("/search/", {"q": words, "kind": "posts", **filters}).context["page"]]


def is_indexed(post) -> bool:
    return SearchDocument.objects.filter(pk=POST_SEARCH.document_id(post.pk)).exists()


def test_a_published_post_is_found_on_the_posts_tab_linked_under_its_topic(client, topic, alice, trusted):
    reply = services.post_reply(topic=topic, user=alice, body="Local **journalists** could meet newcomers.")

    assert tabs(client.get("/search/", {"q": "journalists"}))["Forum posts"] == 1
    page = client.get("/search/", {"q": "journalists", "kind": "posts"})
    assert [post.pk for post in page.context["page"]] == [reply.pk]
    html = page.content.decode()
    assert f'href="{reply.get_absolute_url()}">Deconstructing perceptions</a>' in html
    assert "Local <mark>journalists</mark> could meet newcomers." in html  # its text, not its Markdown


def test_a_waiting_post_is_found_once_approved_and_never_once_removed(client, topic, bob, maya):
    waiting = services.post_reply(topic=topic, user=bob, body="Radio shows by refugees themselves.")
    assert waiting.status == Post.Status.PENDING
    assert found(client, "radio") == [] and not is_indexed(waiting)

    services.post_approve(post=waiting, by=maya)
    assert found(client, "radio") == [waiting.pk]

    services.post_remove(post=waiting, by=maya, reason="Spam.")
    assert found(client, "radio") == [] and not is_indexed(waiting)
    assert tabs(client.get("/search/", {"q": "radio"}))["Forum posts"] == 0


def test_an_edited_post_is_found_by_its_new_words_only(client, topic, alice, trusted):
    post = services.post_reply(topic=topic, user=alice, body="Football clubs welcome newcomers.")

    services.post_edit(post=post, body="Choirs welcome newcomers.", by=alice)

    assert found(client, "choirs") == [post.pk]
    assert found(client, "football") == []


def test_quoted_words_are_not_the_quoting_post_s(client, topic, alice, maya, trusted):
    quoted = services.post_reply(topic=topic, user=alice, body="Theatre brings neighbours together.")
    quoting = services.post_reply(topic=topic, user=maya, body=services.quote_text(quoted) + "Agreed.")

    services.post_remove(post=quoted, by=maya, reason="Asked by its author.")

    assert found(client, "theatre") == []
    assert found(client, "agreed") == [quoting.pk]


def test_the_posts_tab_counts_by_board_and_filters_by_it(client, topic, other_board, alice, trusted):
    services.post_reply(topic=topic, user=alice, body="Mentoring works for newcomers.")
    services.topic_start(user=alice, board=other_board, title="Mentoring in cities", body="Mentoring at city hall.")

    page = client.get("/search/", {"q": "mentoring", "kind": "posts"})

    boards = next(group for group in page.context["facet_groups"] if group.name == "board")
    assert sorted((str(o.label), o.count) for o in boards.options) == [("Cities", 1), ("Deconstructing perceptions", 1)]
    assert len(found(client, "mentoring", board=str(other_board.pk))) == 1


def test_a_rebuild_indexes_the_published_posts_only(client, topic, alice, bob, maya, trusted):
    published = services.post_reply(topic=topic, user=alice, body="Language cafés for newcomers.")
    removed = services.post_reply(topic=topic, user=bob, body="Language cafés every week.")
    services.post_remove(post=removed, by=maya, reason="Spam.")
    SearchDocument.objects.all().delete()

    search_rebuild()

    assert is_indexed(published) and not is_indexed(removed)
    assert found(client, "cafés") == [published.pk]
