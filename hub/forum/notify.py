"""Who a new published post names, and the one place the forum's own e-mails leave from (through the
background queue of hub.lib.mail). Called by the services when a post becomes public, never before:
a post waiting for a moderator, or removed, is in no e-mail.

Mentions and replies: each member chooses in their profile (people.Profile.email_on_*); without a
profile they get them. Following a topic or a board is following like anything else (hub/follow)."""

import re
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model

from hub.forum.models import Post
from hub.lib.mail import recipient_language, send_templated_mail

_paused = ContextVar("forum_notifications_paused", default=False)


@contextmanager
def notifications_paused():
    """Loading content that was written elsewhere (the demo, an import) notifies no one."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def notifications_are_paused() -> bool:
    return _paused.get()


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


def direct_recipients(post: Post) -> list[tuple]:
    """Who is told of this post by name, as (member, template): those it mentions, then the topic's
    author when it is a reply; once each, never its own author, each as their profile chooses.
    Those who follow the topic or its board hear of it through hub/follow, which leaves these out."""
    topic = post.topic
    told = {post.user_id}
    recipients = []
    names = mentioned_usernames(post.body)
    if names:
        # User names are matched without regard to case, as members type them.
        pattern = r"^(" + "|".join(map(re.escape, sorted(names))) + r")$"
        mentioned = [u for u in get_user_model().objects.filter(username__iregex=pattern) if u.pk not in told]
        for user in _wants(mentioned, "email_on_mention"):
            recipients.append((user, "forum_mention"))
            told.add(user.pk)
    if topic.user_id not in told:
        is_reply = Post.objects.filter(topic=topic, created_at__lte=post.created_at).exclude(pk=post.pk).exists()
        if is_reply:
            recipients.extend((user, "forum_reply") for user in _wants([topic.user], "email_on_reply"))
    return recipients


def notify_new_post(post: Post) -> None:
    """E-mails those the post names (mentions, a reply to the topic's author), through the queue."""
    if _paused.get():
        return
    context = {"post": post, "topic": post.topic, "text": without_quotes(post.body), "author": post.author_display}
    for user, template in direct_recipients(post):
        send_templated_mail(to=user.email, template=template, context=context, language=recipient_language(user))
