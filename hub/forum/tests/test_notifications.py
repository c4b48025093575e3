"""Mentions, replies and follows notify members by e-mail (through the background queue, each member
choosing in their profile); feeds per topic and board; new posts since a member's last visit. A post
waiting for a moderator or removed is never in an e-mail or a feed, nor its text quoted in another."""

import pytest
import time_machine
from django.utils import timezone

from hub.forum import services
from hub.forum.models import Follow
from hub.forum.search import post_texts
from hub.people.models import Profile

pytestmark = pytest.mark.django_db


def recipients(mailoutbox):
    return sorted(address for mail in mailoutbox for address in mail.to)


def test_a_reply_notifies_the_topics_author_and_a_mention_the_member_named(
    alice, bob, maya, topic, trusted, mailoutbox
):
    services.post_reply(topic=topic, user=alice, body="I agree with @Bob and @nobody here.")
    assert recipients(mailoutbox) == ["bob@example.org", "maya@example.org"]
    mention = next(m for m in mailoutbox if m.to == ["bob@example.org"])
    assert "mentioned you" in mention.subject and "I agree with @Bob" in mention.body
    assert f"/discuss/posts/{topic.posts.last().pk}/" in mention.body
    reply = next(m for m in mailoutbox if m.to == ["maya@example.org"])
    assert "New reply to “Deconstructing perceptions”" in reply.subject


def test_members_choose_in_their_profile_which_emails_they_get(client, alice, bob, maya, topic, trusted, mailoutbox):
    client.force_login(bob)
    profile_form = client.get("/accounts/profile/").content.decode()
    assert "E-mail me when someone mentions me" in profile_form
    Profile.objects.update_or_create(user=bob, defaults={"email_on_mention": False})
    Profile.objects.update_or_create(user=maya, defaults={"email_on_reply": False})
    services.post_reply(topic=topic, user=alice, body="Hello @bob")
    assert mailoutbox == []


def test_following_a_topic_or_board_emails_each_new_published_post_once(
    client, alice, bob, maya, topic, board, trusted, mailoutbox
):
    client.force_login(bob)
    client.post(f"/discuss/follow/topic/{topic.pk}/")
    client.post(f"/discuss/follow/board/{board.pk}/")
    assert Follow.objects.filter(user=bob).count() == 2
    assert "Stop following this topic" in client.get(topic.get_absolute_url()).content.decode()
    services.post_reply(topic=topic, user=alice, body="News from Lyon")
    assert [m.to for m in mailoutbox if "News from Lyon" in m.body].count(["bob@example.org"]) == 1
    client.post(f"/discuss/follow/topic/{topic.pk}/")
    assert Follow.objects.filter(user=bob).count() == 1
    assert client.post("/discuss/follow/nothing/1/").status_code == 404


def test_a_waiting_post_mails_no_one_until_published_and_a_removed_one_never(alice, bob, maya, topic, mailoutbox):
    Follow.objects.create(user=bob, topic=topic)
    waiting = services.post_reply(topic=topic, user=alice, body="Secret spam text @bob")
    assert mailoutbox == []
    services.post_remove(post=waiting, by=maya, reason="Spam")
    assert mailoutbox == []
    held = services.post_reply(topic=topic, user=alice, body="A good first post")
    services.post_approve(post=held, by=maya)
    assert "bob@example.org" in recipients(mailoutbox)
    assert all("Secret spam text" not in m.body for m in mailoutbox)


def test_a_removed_posts_text_is_never_in_feeds_search_or_emails_even_quoted(
    client, alice, bob, maya, topic, board, trusted, mailoutbox
):
    bad = services.post_reply(topic=topic, user=bob, body="Offensive sentence")
    quoting = services.post_reply(topic=topic, user=alice, body="> Offensive sentence\n\nI disagree.")
    services.post_remove(post=bad, by=maya, reason="Insult")
    mailoutbox.clear()  # sent while the post was public: from its removal on, its words go nowhere
    Follow.objects.create(user=maya, topic=topic)
    services.post_reply(topic=topic, user=alice, body="> **Bob** wrote:\n> Offensive sentence\n\nStill no.")
    for url in (
        f"/discuss/topics/{topic.pk}/feed/",
        f"/discuss/topics/{topic.pk}/atom/",
        f"/discuss/boards/{board.slug}/feed/",
        f"/discuss/boards/{board.slug}/atom/",
    ):
        feed = client.get(url).content.decode()
        assert "I disagree." in feed and "Offensive sentence" not in feed, url
    texts = post_texts([bad.pk, quoting.pk])
    assert list(texts) == [quoting.pk] and "Offensive" not in texts[quoting.pk]
    assert mailoutbox and all("Offensive sentence" not in m.body for m in mailoutbox)


def test_a_feed_of_a_hidden_topic_is_a_404(client, alice, board):
    topic, _post = services.topic_start(user=alice, board=board, title="Waiting", body="Waits")
    assert client.get(f"/discuss/topics/{topic.pk}/feed/").status_code == 404
    assert client.get("/discuss/boards/nope/feed/").status_code == 404


def test_a_member_sees_which_topics_have_new_posts_since_their_last_visit(client, alice, bob, topic, board, trusted):
    client.force_login(bob)
    assert "New posts" in client.get(board.get_absolute_url()).content.decode()
    client.get(topic.get_absolute_url())
    assert "New posts" not in client.get(board.get_absolute_url()).content.decode()
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=5)):
        later = services.post_reply(topic=topic, user=alice, body="Something new")
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=10)):
        assert "New posts" in client.get(board.get_absolute_url()).content.decode()
        page = client.get(topic.get_absolute_url()).content.decode()
        assert f'class="post post-published post-new" id="post-{later.pk}"' in page
        assert "New posts" not in client.get(board.get_absolute_url()).content.decode()
