"""Loads demo/forum.yaml (boards, topics, replies, dialogues; format in demo/README.md) after the demo's
members exist. Checked before anything is written; a mistake names the file and what to fix.
Everything goes through the forum's services, as members would write it, and notifies no one."""

from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from hub.forum import services
from hub.forum.models import TIME_ZONES, Post
from hub.forum.notify import notifications_paused


class ForumDemoError(Exception):
    pass


def _check(path: Path, data: dict, usernames: set[str]) -> None:
    def fail(message):
        raise ForumDemoError(f"{path.name}: {message}")

    if not isinstance(data, dict) or set(data) - {"boards", "dialogues"}:
        fail("the file holds `boards:` and `dialogues:` only")
    authors = []
    for board in data.get("boards", []):
        for topic in board.get("topics", []):
            authors.append(topic.get("author"))
            authors += [post.get("author") for post in topic.get("posts", [])[1:]]
            if not topic.get("posts"):
                fail(f"the topic “{topic.get('title')}” has no post")
    for dialogue in data.get("dialogues", []):
        if dialogue.get("time_zone") not in TIME_ZONES:
            fail(f"“{dialogue.get('time_zone')}” is not a time zone (e.g. Europe/Zurich)")
        if dialogue["closes_days_ago"] >= dialogue["opens_days_ago"]:
            fail(f"the dialogue “{dialogue['title']}” closes before it opens")
        authors += [reply.get("author") for q in dialogue.get("questions", []) for reply in q.get("replies", [])]
    for author in authors:
        if author not in usernames:
            fail(f"“{author}” is not a user name of members.yaml")


def _published(post: Post, by) -> Post:
    return post if post.status == Post.Status.PUBLISHED else services.post_approve(post=post, by=by)


@transaction.atomic
def forum_demo_load(*, path: Path) -> dict:
    if not path.exists():
        return {"boards": 0, "dialogues": 0}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    users = {user.get_username(): user for user in get_user_model().objects.all()}
    _check(path, data, set(users))
    moderator = next((user for user in users.values() if user.is_staff), None)
    now = timezone.now()
    with notifications_paused():
        for position, board_data in enumerate(data.get("boards", []), start=1):
            board = services.board_create(
                name=board_data["name"], description=board_data.get("description", ""), position=position
            )
            for topic_data in board_data.get("topics", []):
                moment = now - timezone.timedelta(days=topic_data["days_ago"])
                first, *replies = topic_data["posts"]
                topic, post = services.topic_start(
                    user=users[topic_data["author"]],
                    board=board,
                    title=topic_data["title"],
                    body=first,
                    created_at=moment,
                )
                _published(post, moderator)
                for n, reply in enumerate(replies, start=1):
                    written = moment + timezone.timedelta(hours=5 * n)
                    post = services.post_reply(
                        topic=topic, user=users[reply["author"]], body=reply["text"], created_at=written
                    )
                    _published(post, moderator)
                if topic_data.get("pinned"):
                    services.topic_set_pinned(topic=topic, pinned=True, by=moderator)
        for dialogue_data in data.get("dialogues", []):
            opens = now - timezone.timedelta(days=dialogue_data["opens_days_ago"])
            dialogue = services.dialogue_create(
                title=dialogue_data["title"],
                introduction=dialogue_data["introduction"].strip(),
                opens_at=opens,
                closes_at=now - timezone.timedelta(days=dialogue_data["closes_days_ago"]),
                time_zone=dialogue_data["time_zone"],
                questions=[(q["title"], q["text"]) for q in dialogue_data["questions"]],
                by=moderator,
            )
            questions = dialogue.questions.order_by("position")
            for question, question_data in zip(questions, dialogue_data["questions"], strict=True):
                for n, reply in enumerate(question_data.get("replies", []), start=1):
                    written = opens + timezone.timedelta(hours=6 * n)
                    post = services.post_reply(
                        topic=question, user=users[reply["author"]], body=reply["text"], created_at=written
                    )
                    _published(post, moderator)
            if dialogue_data.get("summary"):
                services.dialogue_summarise(dialogue=dialogue, summary=dialogue_data["summary"].strip(), by=moderator)
    return {"boards": len(data.get("boards", [])), "dialogues": len(data.get("dialogues", []))}
