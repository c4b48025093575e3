"""What deleting an account does to the forums: the posts stay, as forums keep a conversation whole,
signed "former member" everywhere they are shown (topic, lists, feeds, search, e-mails), with no link
to a profile; what the member read and followed goes."""

import pytest

from hub.accounts.services import account_delete
from hub.follow.models import Frequency, Subscription
from hub.follow.services import follow_wanted, subscription_follow
from hub.forum import services
from hub.forum.models import Post, TopicVisit

pytestmark = pytest.mark.django_db


def test_a_deleted_members_posts_stay_signed_former_member_and_what_they_followed_ends(
    client, alice, bob, board, topic, trusted, mailoutbox, django_capture_on_commit_callbacks
):
    reply = services.post_reply(topic=topic, user=alice, body="We ran this in Lyon.")
    own_topic, _first = services.topic_start(user=alice, board=board, title="Lyon's welcome desk", body="Ask me.")
    services.topic_visit(topic=topic, user=alice)
    subscription_follow(
        wanted=follow_wanted(what="board", key=board.slug), email=alice.email, frequency=Frequency.DAILY, user=alice
    )
    subscription_follow(
        wanted=follow_wanted(what="topic", key="discrimination-and-xenophobia"),
        email=alice.email,
        frequency=Frequency.WEEKLY,
    )
    name = alice.get_full_name()
    assert name and Subscription.objects.filter(email=alice.email).count() == 2

    account_delete(user=alice)

    assert Post.objects.filter(user=alice).count() == 2  # the reply and the first post of their topic
    assert not TopicVisit.objects.filter(user=alice).exists()
    assert not Subscription.objects.exists()
    for url in (
        topic.get_absolute_url(),
        own_topic.get_absolute_url(),
        board.get_absolute_url(),
        f"/discuss/topics/{topic.pk}/feed/",
        f"/discuss/boards/{board.slug}/atom/",
        "/search/?q=Lyon&kind=posts",
    ):
        page = client.get(url).text
        assert "former member" in page, url
        assert name not in page and "alice" not in page.lower(), url
    topic_page = client.get(topic.get_absolute_url()).text
    assert "We ran this in Lyon." in topic_page
    assert f'id="post-{reply.pk}-author">former member<' in topic_page  # no link to a profile
    # A reply to their topic mails no one: the account has no address any more.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(topic=own_topic, user=bob, body="Thanks!")
    assert [m.to for m in mailoutbox] == []
