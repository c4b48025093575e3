"""Who may do what in the forums, for every action and every role: a visitor, a member, a member banned
from posting, a moderator; in an open topic, a locked one, and the questions of an announced, an open
and a closed dialogue. A refusal changes nothing."""

import pytest
import time_machine
from django.utils import timezone

from hub.forum import services
from hub.forum.models import Ban, Dialogue, Post, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def carol(django_user_model):
    from hub.practices.tests.fixtures import with_verified_email

    carol = with_verified_email(django_user_model.objects.create_user("carol", "carol@example.org", "x" * 12))
    services.member_ban(user=carol, by=None, reason="Insults")
    return carol


@pytest.fixture
def people(alice, carol, maya):
    return {"visitor": None, "member": alice, "banned": carol, "moderator": maya}


def as_(client, person):
    client.logout()
    if person:
        client.force_login(person)
    return client


def reply_status(client, topic):
    return client.post(f"/discuss/topics/{topic.pk}/reply/", {"body": "A reply"}).status_code


# (role, expected status of a reply) in an open topic
OPEN_TOPIC = {"visitor": 302, "member": 302, "banned": 403, "moderator": 302}
LOCKED_TOPIC = {"visitor": 302, "member": 403, "banned": 403, "moderator": 302}


@pytest.mark.parametrize("role", OPEN_TOPIC)
def test_who_replies_to_an_open_topic(client, people, topic, role, trusted):
    before = Post.objects.count()
    status = reply_status(as_(client, people[role]), topic)
    assert status == OPEN_TOPIC[role]
    posted = Post.objects.count() - before
    assert posted == (1 if role in ("member", "moderator") else 0)


@pytest.mark.parametrize("role", LOCKED_TOPIC)
def test_who_replies_to_a_locked_topic(client, people, topic, role, maya):
    services.topic_set_locked(topic=topic, locked=True, by=maya)
    before = Post.objects.count()
    status = reply_status(as_(client, people[role]), topic)
    assert status == LOCKED_TOPIC[role]
    assert Post.objects.count() - before == (1 if role == "moderator" else 0)
    if role == "member":
        page = client.get(topic.get_absolute_url()).content.decode()
        assert "This topic is locked" in page and 'name="body"' not in page


@pytest.mark.parametrize("role", OPEN_TOPIC)
def test_who_starts_a_topic(client, people, board, role, trusted):
    response = as_(client, people[role]).post(f"/discuss/boards/{board.slug}/new/", {"title": "Hello", "body": "First"})
    assert response.status_code == OPEN_TOPIC[role]
    assert Topic.objects.filter(title="Hello").exists() == (role in ("member", "moderator"))


@pytest.mark.parametrize("phase", ["announced", "open", "closed"])
@pytest.mark.parametrize("role", OPEN_TOPIC)
def test_dialogue_questions_take_posts_only_while_open(client, people, dialogue, phase, role, trusted):
    question = dialogue.questions.get()
    moment = {
        "announced": dialogue.opens_at - timezone.timedelta(hours=1),
        "open": dialogue.opens_at + timezone.timedelta(hours=1),
        "closed": dialogue.closes_at + timezone.timedelta(hours=1),
    }[phase]
    before = Post.objects.count()
    with time_machine.travel(moment):
        assert Dialogue.objects.get().phase() == phase
        status = reply_status(as_(client, people[role]), question)
        page = client.get(question.get_absolute_url()).content.decode()
    may_post = phase == "open" and role in ("member", "moderator")
    assert status == (302 if may_post or role == "visitor" else 403)
    assert Post.objects.count() - before == (1 if may_post else 0)
    if phase == "closed" and role != "visitor":
        assert "This dialogue is closed" in page


MODERATOR_ACTIONS = [
    ("lock", lambda t, p: (f"/discuss/topics/{t.pk}/lock/", {})),
    ("pin", lambda t, p: (f"/discuss/topics/{t.pk}/pin/", {})),
    ("move", lambda t, p: (f"/discuss/topics/{t.pk}/move/", {"board": "other"})),
    ("remove", lambda t, p: (f"/discuss/posts/{p.pk}/remove/", {"reason": "Off topic"})),
    ("approve", lambda t, p: (f"/discuss/posts/{p.pk}/approve/", {})),
    ("ban", lambda t, p: ("/discuss/members/bob/ban/", {"reason": "Spam"})),
    ("dialogue", lambda t, p: ("/discuss/dialogues/new/", {})),
]


@pytest.mark.parametrize("action", [name for name, _url in MODERATOR_ACTIONS])
@pytest.mark.parametrize("role", ["visitor", "member", "banned", "moderator"])
def test_only_moderators_lock_pin_move_remove_approve_ban_and_create_dialogues(
    client, people, topic, other_board, bob, role, action
):
    post = services.post_reply(topic=topic, user=bob, body="Waiting reply")
    url, data = dict(MODERATOR_ACTIONS)[action](topic, post)
    if data.get("board") == "other":
        data["board"] = other_board.pk
    response = as_(client, people[role]).post(url, data)
    topic.refresh_from_db()
    post.refresh_from_db()
    changed = {
        "lock": topic.locked,
        "pin": topic.pinned,
        "move": topic.board_id == other_board.pk,
        "remove": post.status == Post.Status.REMOVED,
        "approve": post.status == Post.Status.PUBLISHED,
        "ban": Ban.objects.filter(user=bob).exists(),
        "dialogue": False,
    }[action]
    if role == "moderator":
        assert response.status_code in (200, 302, 400)
        assert changed or action == "dialogue"
    else:
        assert response.status_code == (302 if role == "visitor" else 403)
        assert response.status_code != 302 or response["Location"].startswith("/accounts/login/")
        assert not changed


def test_a_moderator_cannot_be_banned(client, maya, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "x" * 12)
    client.force_login(admin)
    assert client.post("/discuss/members/maya/ban/", {"reason": "Why not"}).status_code == 403
    assert not Ban.objects.exists()


@pytest.mark.parametrize("role", ["visitor", "member", "banned", "moderator"])
def test_who_edits_a_members_post(client, people, topic, bob, role, trusted):
    post = services.post_reply(topic=topic, user=bob, body="Bob's words")
    response = as_(client, people[role]).post(f"/discuss/posts/{post.pk}/edit/", {"body": "Changed"})
    post.refresh_from_db()
    assert response.status_code == {"visitor": 302, "member": 403, "banned": 403, "moderator": 302}[role]
    assert (post.body == "Changed") == (role == "moderator")


def test_the_author_edits_for_a_while_then_no_longer_and_the_post_shows_edited(client, bob, topic, trusted, settings):
    post = services.post_reply(topic=topic, user=bob, body="Frist")
    client.force_login(bob)
    assert client.post(f"/discuss/posts/{post.pk}/edit/", {"body": "  "}).status_code == 400
    assert client.post(f"/discuss/posts/{post.pk}/edit/", {"body": "First"}).status_code == 302
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "First" in page and "(edited)" in page
    later = timezone.now() + timezone.timedelta(minutes=settings.POST_EDIT_MINUTES + 1)
    with time_machine.travel(later):
        assert client.post(f"/discuss/posts/{post.pk}/edit/", {"body": "Later"}).status_code == 403
    post.refresh_from_db()
    assert post.body == "First"


def test_a_banned_member_cannot_edit_their_post_and_sees_why(client, bob, topic, trusted, maya):
    post = services.post_reply(topic=topic, user=bob, body="Before the ban")
    services.member_ban(user=bob, by=maya, reason="Insults")
    client.force_login(bob)
    assert client.post(f"/discuss/posts/{post.pk}/edit/", {"body": "After"}).status_code == 403
    assert "stopped you from posting" in client.get(topic.get_absolute_url()).content.decode()


def test_lifting_a_ban_lets_the_member_post_again(client, bob, topic, maya, trusted):
    services.member_ban(user=bob, by=maya, reason="Insults")
    client.force_login(maya)
    client.post("/discuss/members/bob/ban/", {"action": "unban"})
    client.force_login(bob)
    assert reply_status(client, topic) == 302
    assert Post.objects.filter(user=bob).exists()
