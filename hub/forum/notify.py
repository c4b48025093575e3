"""Who hears of a new published post, and the one place forum e-mails leave from (through the
background queue of hub.lib.mail). Called by the services when a post becomes public, never before:
a post waiting for a moderator, or removed, is in no e-mail.

Each member chooses in their profile (people.Profile.email_on_*); without a profile they get them."""

import re
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model

from hub.forum.models import Follow, Post
from hub.lib.mail import member_language, send_templated_mail

_paused = ContextVar("forum_notifications_paused", default=False)


@contextmanager
def notifications_paused():
    """Loading content that was written elsewhere (the demo, an import) notifies no one."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


MENTION = re.compile(r"(?<![\w@/])@([\w.+-]*\w)")


def without_quotes(text: str) -> str:
    """The text the author wrote themselves: quoted lines ("> …") left out. What e-mails, feeds and
    search show, so that the words of a post removed later are not carried on in the replies quoting it."""
    return "\n".join(line for line in (text or "").splitlines() if not line.lstrip().startswith(">")).strip()


def mentioned_usernames(text: str) -> set[str]:
    return {name.casefold() for name in MENTION.findall(without_quotes(text))}


def _wants(users, preference: str) -> list:
    from hub.people.models import Profile

    refused = set(Profile.objects.filter(user__in=users, **{preference: False}).values_list("user_id", flat=True))
    return [user for user in users if user.pk not in refused and user.is_active and user.email]


def notify_new_post(post: Post) -> None:
    """Mentions, a reply to the topic's author, followers of the topic and its board: one e-mail each
    at most, the reason that comes first in that order, never to the post's own author."""
    if _paused.get():
        return
    topic = post.topic
    author_id = post.user_id
    told = {author_id}
    context = {"post": post, "topic": topic, "text": without_quotes(post.body), "author": post.author_display}

    names = mentioned_usernames(post.body)
    mentioned = []
    if names:
        # User names are matched without regard to case, as members type them.
        pattern = r"^(" + "|".join(map(re.escape, sorted(names))) + r")$"
        mentioned = [u for u in get_user_model().objects.filter(username__iregex=pattern) if u.pk not in told]
    for user in _wants(mentioned, "email_on_mention"):
        send_templated_mail(to=user.email, template="forum_mention", context=context, language=member_language(user))
        told.add(user.pk)

    is_reply = Post.objects.filter(topic=topic).exclude(pk=post.pk).filter(created_at__lte=post.created_at).exists()
    if is_reply and topic.user_id not in told:
        for user in _wants([topic.user], "email_on_reply"):
            send_templated_mail(to=user.email, template="forum_reply", context=context, language=member_language(user))
            told.add(user.pk)

    follows = Follow.objects.filter(topic=topic)
    if topic.board_id:
        follows = follows | Follow.objects.filter(board_id=topic.board_id)
    followers = [f.user for f in follows.select_related("user") if f.user_id not in told]
    for user in _wants(list({u.pk: u for u in followers}.values()), "email_on_follow"):
        send_templated_mail(to=user.email, template="forum_follow", context=context, language=member_language(user))
        told.add(user.pk)
