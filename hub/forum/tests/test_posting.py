"""Starting topics and replying: the trust rule and spam defences shared with comments, quoting, paging,
a post's permanent link, and what others see of a post removed by a moderator."""

import re

import pytest

from hub.forum import services
from hub.forum.models import Post, Topic
from hub.forum.tests.conftest import publish
from hub.reactions import services as reactions

pytestmark = pytest.mark.django_db


def reply(client, topic, body="We ran this in Lyon too.", **extra):
    return client.post(f"/discuss/topics/{topic.pk}/reply/", {"body": body, **extra})


def test_a_new_members_first_posts_wait_for_a_moderator_then_theirs_appear_at_once(client, alice, bob, maya, topic):
    client.force_login(alice)
    reply(client, topic, body="My first post")
    first = Post.objects.get(body="My first post")
    assert first.status == Post.Status.PENDING
    assert "My first post" in client.get(topic.get_absolute_url()).content.decode()
    client.force_login(bob)
    assert "My first post" not in client.get(topic.get_absolute_url()).content.decode()
    client.force_login(maya)
    queue = client.get("/moderation/comments/?kind=posts").content.decode()
    assert "My first post" in queue
    client.post(f"/discuss/posts/{first.pk}/approve/")
    publish(services.post_reply(topic=topic, user=alice, body="Second"))
    client.force_login(alice)
    reply(client, topic, body="Third, trusted now")
    assert Post.objects.get(body="Third, trusted now").status == Post.Status.PUBLISHED


def test_published_comments_and_posts_count_together_towards_trust(alice, topic, practice_factory, settings):
    practice = practice_factory()
    for n in range(settings.COMMENTS_TRUSTED_AFTER):
        reactions.comment_approve(comment=reactions.comment_create(obj=practice, user=alice, body=f"c{n}"), by=None)
    assert services.post_reply(topic=topic, user=alice, body="Hello").status == Post.Status.PUBLISHED


def test_a_topic_whose_first_post_waits_is_hidden_from_others(client, alice, bob, board):
    client.force_login(alice)
    client.post(f"/discuss/boards/{board.slug}/new/", {"title": "Buy cheap", "body": "Hello"})
    topic = Topic.objects.get(title="Buy cheap")
    assert client.get(topic.get_absolute_url()).status_code == 200
    client.force_login(bob)
    assert client.get(topic.get_absolute_url()).status_code == 404
    assert "Buy cheap" not in client.get(board.get_absolute_url()).content.decode()


def test_links_from_a_member_without_a_published_post_raise_the_spam_score_and_hold_even_a_trusted_text(
    alice, topic, settings
):
    settings.COMMENTS_TRUSTED_AFTER = 0
    links = " ".join(f"https://spam{n}.example/" for n in range(3))
    held = services.post_reply(topic=topic, user=alice, body=f"Great offers {links}")
    assert held.spam_score >= settings.SPAM_HOLD_SCORE and held.status == Post.Status.PENDING
    publish(services.post_reply(topic=topic, user=alice, body="Plain words"))
    known = services.post_reply(topic=topic, user=alice, body=f"Our reports: {links}")
    assert known.spam_score == 0 and known.status == Post.Status.PUBLISHED


def test_the_queue_lists_the_likeliest_spam_first_with_a_tab_per_kind(client, alice, bob, maya, topic):
    services.post_reply(topic=topic, user=alice, body="An honest first post")
    services.post_reply(topic=topic, user=bob, body="casino https://a.example https://b.example")
    client.force_login(maya)
    page = client.get("/moderation/comments/?kind=posts").content.decode()
    assert page.index("casino") < page.index("An honest first post")
    assert "Spam score" in page and "Comments" in page and "Forum posts" in page


def test_a_reply_with_the_hidden_field_filled_is_refused_and_keeps_the_text(client, alice, topic):
    client.force_login(alice)
    response = reply(client, topic, body="Hi there", website="http://bot.example")
    assert response.status_code == 400 and "Hi there" in response.content.decode()
    assert not Post.objects.filter(user=alice).exists()


def test_posting_is_rate_limited_per_member_and_the_form_keeps_the_text(client, settings, alice, bob, topic):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "post": "2/h"}
    client.force_login(alice)
    assert [reply(client, topic, body=f"p{n}").status_code for n in range(2)] == [302, 302]
    response = reply(client, topic, body="one too many")
    assert response.status_code == 429 and "one too many" in response.content.decode()
    assert Post.objects.filter(user=alice).count() == 2
    client.force_login(bob)
    assert reply(client, topic, body="Bob has his own allowance").status_code == 302


def test_an_empty_or_too_long_reply_is_a_400_that_keeps_the_text(client, alice, topic):
    client.force_login(alice)
    assert reply(client, topic, body="   ").status_code == 400
    response = reply(client, topic, body="x" * 20001)
    assert response.status_code == 400 and "x" * 20001 in response.content.decode()
    assert not Post.objects.filter(user=alice).exists()


def test_quote_starts_a_reply_quoting_the_post_and_links_to_it(client, alice, maya, topic, trusted):
    first = topic.posts.get()
    client.force_login(alice)
    form = client.get(f"/discuss/topics/{topic.pk}/reply/?quote={first.pk}").content.decode()
    assert "&gt; **Maya Okafor** wrote:" in form and "&gt; How can stakeholders deconstruct migration myths?" in form
    assert client.get(f"/discuss/topics/{topic.pk}/reply/?quote=999999").status_code == 404
    assert client.get(f"/discuss/topics/{topic.pk}/reply/?quote=abc").status_code == 404
    body = "> **Maya Okafor** wrote:\n> How can stakeholders deconstruct migration myths?\n\nWith training."
    reply(client, topic, body=body, quote_of=first.pk)
    post = Post.objects.get(user=alice)
    assert post.quote_of == first
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "<blockquote>" in page and "With training." in page


def test_a_topic_shows_author_role_post_count_and_date(client, alice, maya, topic, trusted, django_user_model):
    services.post_reply(topic=topic, user=alice, body="Member's reply")
    root = django_user_model.objects.create_superuser("christine", "c@example.org", "x" * 12, first_name="Christine")
    services.post_reply(topic=topic, user=root, body="Administrator's reply")
    page = client.get(topic.get_absolute_url()).content.decode()
    for role in ("Moderator", "Member", "Administrator"):
        assert f'<span class="role">{role}</span>' in page
    assert "Posts: 1" in page


def test_long_topics_are_paged_and_a_post_link_lands_on_its_page(client, alice, topic, settings, trusted):
    settings.POSTS_PER_PAGE = 5
    posts = [services.post_reply(topic=topic, user=alice, body=f"Reply number {n}") for n in range(1, 12)]
    first_page = client.get(topic.get_absolute_url()).content.decode()
    assert "Reply number 4" in first_page and "Reply number 5" not in first_page
    assert "Page 1 of 3" in first_page
    response = client.get(f"/discuss/posts/{posts[9].pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"{topic.get_absolute_url()}?page=3#post-{posts[9].pk}"
    assert f'id="post-{posts[9].pk}"' in client.get(response["Location"]).content.decode()
    assert client.get(f"{topic.get_absolute_url()}?page=9").status_code == 404
    assert client.get(f"{topic.get_absolute_url()}?page=x").status_code == 404
    assert client.get("/discuss/posts/999999/").status_code == 404


def test_a_removed_post_shows_removed_by_a_moderator_to_others_and_the_reason_to_its_author(
    client, alice, bob, maya, topic, trusted
):
    post = services.post_reply(topic=topic, user=alice, body="Offensive words here")
    client.force_login(maya)
    assert client.post(f"/discuss/posts/{post.pk}/remove/", {"reason": ""}).status_code == 400
    client.post(f"/discuss/posts/{post.pk}/remove/", {"reason": "Insulting"})
    post.refresh_from_db()
    assert post.status == Post.Status.REMOVED and post.removed_by == maya
    for person in (None, bob):
        client.logout()
        if person:
            client.force_login(person)
        page = client.get(topic.get_absolute_url()).content.decode()
        assert "Removed by a moderator." in page and "Offensive words here" not in page and "Insulting" not in page
    client.force_login(alice)
    assert "Removed by a moderator: Insulting" in client.get(topic.get_absolute_url()).content.decode()


def test_a_board_lists_pinned_topics_first_with_replies_views_and_last_post(client, alice, maya, board, trusted):
    old, _ = services.topic_start(user=alice, board=board, title="Old pinned topic", body="Rules")
    new, _ = services.topic_start(user=alice, board=board, title="Newest topic", body="Hello")
    services.post_reply(topic=new, user=maya, body="Welcome")
    services.topic_set_pinned(topic=old, pinned=True, by=maya)
    client.get(new.get_absolute_url())
    page = client.get(board.get_absolute_url()).content.decode()
    assert page.index("Old pinned topic") < page.index("Newest topic")
    row = re.search(r"Newest topic.*?</tr>", page, re.S).group(0)
    assert re.search(r"<td>1</td><td>1</td>", row) and "Maya Okafor" in row


def test_a_moderator_moves_a_topic_to_another_board(client, maya, topic, other_board):
    client.force_login(maya)
    client.post(f"/discuss/topics/{topic.pk}/move/", {"board": other_board.pk})
    assert "Deconstructing perceptions" in client.get(other_board.get_absolute_url()).content.decode()
    assert client.post(f"/discuss/topics/{topic.pk}/move/", {"board": "nope"}).status_code == 302
    topic.refresh_from_db()
    assert topic.board == other_board
