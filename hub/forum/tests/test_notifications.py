"""Mentions and replies notify members by e-mail (through the background queue, each member choosing in
their profile); following a topic or a board is following through hub/follow (immediately, daily or
weekly, one Follow control); feeds per topic and board; new posts since a member's last visit. A post
waiting for a moderator or removed is never in an e-mail or a feed, nor its text quoted in another."""

import pytest
import time_machine
from django.utils import timezone

from hub.follow.models import Frequency, Subscription
from hub.follow.services import digests_send, follow_wanted, subscription_follow
from hub.forum import services
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


def follows(user, what, key, frequency=Frequency.IMMEDIATELY):
    return subscription_follow(
        wanted=follow_wanted(what=what, key=str(key)), email=user.email, frequency=frequency, user=user
    )


def test_following_a_topic_or_board_is_one_follow_control_and_emails_each_new_post_at_once(
    client, alice, bob, maya, topic, board, trusted, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    for url in (topic.get_absolute_url(), board.get_absolute_url()):
        page = client.get(url).text
        assert page.count('class="follow-control"') == 1, url
        assert "/discuss/follow/" not in page and "Stop following this" not in page, url
        assert '<option value="immediately">' in page, url
    client.post("/follow/", {"what": "discussion", "key": topic.pk, "frequency": "immediately"})
    client.post("/follow/", {"what": "board", "key": board.slug, "frequency": "immediately"})
    assert set(Subscription.objects.filter(user=bob).values_list("what", "frequency")) == {
        ("discussion", "immediately"),
        ("board", "immediately"),
    }
    assert "You follow this by e-mail" in client.get(topic.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(topic=topic, user=alice, body="News from Lyon")
    sent = [m for m in mailoutbox if "News from Lyon" in m.body]
    # bob follows both: one alert; maya, whose topic it is, hears of the reply as before.
    assert sorted(m.to[0] for m in sent) == ["bob@example.org", "maya@example.org"]
    alert = next(m for m in sent if m.to == ["bob@example.org"])
    assert alert.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The control's "stop" comes back to the page it was on.
    mine = Subscription.objects.get(user=bob, what="discussion")
    response = client.post(
        "/follow/mine/", {"subscription": mine.pk, "action": "stop", "next": topic.get_absolute_url()}
    )
    assert response.status_code == 302 and response.url == topic.get_absolute_url()
    assert list(Subscription.objects.filter(user=bob).values_list("what", flat=True)) == ["board"]
    assert client.post("/follow/", {"what": "discussion", "key": "999999", "frequency": "daily"}).status_code == 404


def test_a_follower_named_in_a_post_gets_one_email_and_its_author_none(
    alice, bob, maya, topic, trusted, mailoutbox, django_capture_on_commit_callbacks
):
    follows(bob, "discussion", topic.pk)
    follows(alice, "discussion", topic.pk)
    follows(maya, "discussion", topic.pk)
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(topic=topic, user=alice, body="What do you think, @bob?")
    # bob: the mention only; maya (the topic's author): the reply only; alice wrote it: nothing.
    assert recipients(mailoutbox) == ["bob@example.org", "maya@example.org"]
    assert "mentioned you" in next(m for m in mailoutbox if m.to == ["bob@example.org"]).subject


def test_a_daily_or_weekly_digest_holds_the_new_posts_of_a_followed_board(
    alice, bob, topic, board, trusted, mailoutbox, django_capture_on_commit_callbacks
):
    subscription = follows(bob, "board", board.slug, frequency=Frequency.DAILY)
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=timezone.now() - timezone.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(topic=topic, user=alice, body="Digest me")
    assert "bob@example.org" not in recipients(mailoutbox)
    mailoutbox.clear()
    with time_machine.travel(timezone.now() + timezone.timedelta(minutes=1)):
        assert digests_send(frequency=Frequency.DAILY) == 1
    assert mailoutbox[0].to == ["bob@example.org"] and "Digest me" in mailoutbox[0].body
    assert "Board: Deconstructing perceptions" in mailoutbox[0].body


def test_a_waiting_post_mails_no_one_until_published_and_a_removed_one_never(
    alice, bob, maya, topic, mailoutbox, django_capture_on_commit_callbacks
):
    follows(bob, "discussion", topic.pk)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = services.post_reply(topic=topic, user=alice, body="Secret spam text @bob")
        assert waiting.status == waiting.Status.PENDING
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        services.post_remove(post=waiting, by=maya, reason="Spam")
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        held = services.post_reply(topic=topic, user=alice, body="A good first post")
        services.post_approve(post=held, by=maya)
    assert recipients(mailoutbox).count("bob@example.org") == 1
    assert all("Secret spam text" not in m.body for m in mailoutbox)


def test_a_removed_posts_text_is_never_in_feeds_search_or_emails_even_quoted(
    client, alice, bob, maya, topic, board, trusted, mailoutbox, django_capture_on_commit_callbacks
):
    bad = services.post_reply(topic=topic, user=bob, body="Offensive sentence")
    quoting = services.post_reply(topic=topic, user=alice, body="> Offensive sentence\n\nI disagree.")
    services.post_remove(post=bad, by=maya, reason="Insult")
    mailoutbox.clear()  # sent while the post was public: from its removal on, its words go nowhere
    follows(maya, "discussion", topic.pk)
    with django_capture_on_commit_callbacks(execute=True):
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
