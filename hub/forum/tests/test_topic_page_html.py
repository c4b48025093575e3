"""A topic page keeps each post's HTML in memory while what it shows stays the same: what one reader
saw is never shown to another who may not see it, and a change shows on the next visit."""

import pytest
from django.utils import translation

from hub.forum import services

pytestmark = pytest.mark.django_db


def page_of(client, topic, prefix="") -> str:
    response = client.get(f"{prefix}{topic.get_absolute_url()}")
    assert response.status_code == 200
    return response.content.decode()


def test_an_edit_a_new_post_by_the_author_and_a_new_name_show_on_the_next_visit(client, alice, topic, trusted):
    post = services.post_reply(topic=topic, user=alice, body="First words")
    page = page_of(client, topic)
    assert "First words" in page and "Posts: 1" in page
    services.post_edit(post=post, body="Second words", by=alice)
    services.post_reply(topic=topic, user=alice, body="Another reply")
    alice.first_name = "Alicia"
    alice.save()
    page = page_of(client, topic)
    assert "Second words" in page and "First words" not in page
    assert "Posts: 2" in page and "Alicia" in page
    assert "(edited)" in page


def test_the_same_post_is_shown_in_the_readers_language(client, alice, topic, trusted):
    services.post_reply(topic=topic, user=alice, body="Words")
    assert "Posts: 1" in page_of(client, topic)
    with translation.override("en"):  # the French request leaves French active in the thread: not after it
        french = page_of(client, topic, prefix="/fr")
    assert "Posts: 1" not in french and "Messages\u00a0: 1" in french


def test_a_member_reading_after_a_moderator_gets_no_moderator_controls(client, alice, bob, maya, topic, trusted):
    post = services.post_reply(topic=topic, user=alice, body="A reply")
    client.force_login(maya)
    assert f"/discuss/posts/{post.pk}/remove/" in page_of(client, topic)
    client.force_login(bob)
    page = page_of(client, topic)
    assert f"/discuss/posts/{post.pk}/remove/" not in page and "Ban from posting" not in page
    assert f"?quote={post.pk}" in page


def test_a_removal_reason_its_author_saw_is_not_shown_to_another_member(client, alice, bob, maya, topic, trusted):
    post = services.post_reply(topic=topic, user=alice, body="Offensive words here")
    services.post_remove(post=post, by=maya, reason="Insulting")
    client.force_login(alice)
    assert "Removed by a moderator: Insulting" in page_of(client, topic)
    client.force_login(bob)
    page = page_of(client, topic)
    assert "Removed by a moderator." in page and "Insulting" not in page and "Offensive words" not in page


def test_a_reader_who_may_not_reply_gets_no_quote_links_after_one_who_may(client, alice, bob, topic, trusted):
    post = services.post_reply(topic=topic, user=alice, body="A reply")
    client.force_login(bob)
    assert f"?quote={post.pk}" in page_of(client, topic)
    client.logout()
    assert f"?quote={post.pk}" not in page_of(client, topic)
