"""Every write in the forums. Posts go through the shared conversation services
(hub/reactions/conversation.py): trust, spam score, edit window and moderation are those of comments.
Callers have checked the person may do it (hub/forum/rules.py); each function is one transaction."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.forum.models import Ban, Board, Dialogue, Post, Topic, TopicVisit
from hub.lib.markdown import USER_CONTENT_REL, render_markdown
from hub.lib.slugs import unique_slug
from hub.publishing.kinds import announce_change
from hub.reactions import conversation


def post_html(body: str) -> dict:
    """The fields derived from a post's text: its sanitised HTML, links marked as user content."""
    return {"body_html": render_markdown(body, link_rel=USER_CONTENT_REL)}


@transaction.atomic
def board_create(*, name: str, description: str = "", position: int = 0) -> Board:
    return Board.objects.create(
        name=name,
        slug=unique_slug(Board, name, max_length=140, fallback="board"),
        description=description,
        position=position,
    )


@transaction.atomic
def topic_start(
    *,
    user,
    title: str,
    body: str,
    board: Board | None = None,
    dialogue: Dialogue | None = None,
    subject=None,
    position: int = 0,
    created_at: datetime | None = None,
) -> tuple[Topic, Post]:
    """A new topic and its first post; the topic lists nothing until that post is published."""
    created_at = created_at or timezone.now()
    topic = Topic.objects.create(
        board=board,
        dialogue=dialogue,
        title=title,
        user=user,
        position=position,
        created_at=created_at,
        subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
        subject_id=subject.pk if subject is not None else None,
    )
    post = conversation.contribution_create(model=Post, user=user, body=body, topic=topic, created_at=created_at)
    return topic, post


def post_reply(*, topic: Topic, user, body: str, quote_of: Post | None = None, created_at=None) -> Post:
    return conversation.contribution_create(
        model=Post, user=user, body=body, topic=topic, quote_of=quote_of, created_at=created_at or timezone.now()
    )


def post_edit(*, post: Post, body: str, by) -> Post:
    return conversation.contribution_edit(item=post, body=body, by=by)


def post_approve(*, post: Post, by) -> Post:
    return conversation.contribution_approve(item=post, by=by)


def post_remove(*, post: Post, by, reason: str) -> Post:
    return conversation.contribution_remove(item=post, by=by, reason=reason)


def topic_refresh(topic: Topic) -> None:
    """The topic's count of published posts and its last one, which the lists show without counting."""
    published = Post.objects.filter(topic=topic, status=Post.Status.PUBLISHED)
    last = published.order_by("-created_at", "-pk").values("pk", "created_at").first()
    Topic.objects.filter(pk=topic.pk).update(
        post_count=published.count(),
        last_post_id=last["pk"] if last else None,
        last_post_at=last["created_at"] if last else None,
    )


def on_post_published(post: Post) -> None:
    from hub.forum.notify import notifications_are_paused, notify_new_post

    topic_refresh(post.topic)
    post_search_index(post)
    notify_new_post(post)
    if not notifications_are_paused():
        # Those who follow its topic or board hear of it through hub/follow, as of any content.
        announce_change(post, by=None, was_public=False)


def on_post_removed(post: Post) -> None:
    topic_refresh(post.topic)
    post_search_index(post)


def post_search_index(post: Post) -> None:
    """The site search holds a post's current text while it is published, and nothing of it otherwise
    (waiting, removed): called when it is published, edited or removed, in the same transaction."""
    from hub.forum.search import POST_SEARCH
    from hub.search.services import search_index

    search_index(kind=POST_SEARCH, objects=[post])


@transaction.atomic
def topic_set_locked(*, topic: Topic, locked: bool, by) -> Topic:
    topic.locked = locked
    topic.save(update_fields=["locked"])
    return topic


@transaction.atomic
def topic_set_pinned(*, topic: Topic, pinned: bool, by) -> Topic:
    topic.pinned = pinned
    topic.save(update_fields=["pinned"])
    return topic


@transaction.atomic
def topic_move(*, topic: Topic, board: Board, by) -> Topic:
    topic.board, topic.dialogue = board, None
    topic.save(update_fields=["board", "dialogue"])
    return topic


@transaction.atomic
def topic_visit(*, topic: Topic, user) -> datetime | None:
    """Counts a view and, for a member, marks the topic read now; returns when they had last read it."""
    Topic.objects.filter(pk=topic.pk).update(views=F("views") + 1)
    if not user.is_authenticated:
        return None
    visit = TopicVisit.objects.filter(user=user, topic=topic).first()
    now = timezone.now()
    if visit is None:
        TopicVisit.objects.create(user=user, topic=topic, seen_at=now)
        return None
    TopicVisit.objects.filter(pk=visit.pk).update(seen_at=now)
    return visit.seen_at


@transaction.atomic
def forum_forget_member(*, user) -> None:
    """On account deletion: what they read and when goes; their posts and topics stay, signed "former
    member" (Moderated.author_display), as forums keep a conversation whole."""
    TopicVisit.objects.filter(user=user).delete()


@transaction.atomic
def member_ban(*, user, by, reason: str) -> Ban:
    ban, _created = Ban.objects.update_or_create(user=user, defaults={"by": by, "reason": reason})
    return ban


@transaction.atomic
def member_unban(*, user, by) -> None:
    Ban.objects.filter(user=user).delete()


@transaction.atomic
def dialogue_create(
    *,
    title: str,
    introduction: str,
    opens_at: datetime,
    closes_at: datetime,
    time_zone: str,
    questions: list[tuple[str, str]],
    by,
) -> Dialogue:
    """A dialogue with its discussion questions, each a topic opened by the moderator's post of the question."""
    if closes_at <= opens_at:
        raise ValueError("A dialogue closes after it opens.")
    dialogue = Dialogue.objects.create(
        title=title,
        slug=unique_slug(Dialogue, title, max_length=200, fallback="dialogue"),
        introduction=introduction,
        opens_at=opens_at,
        closes_at=closes_at,
        time_zone=time_zone,
        created_by=by,
    )
    for position, (question, text) in enumerate(questions, start=1):
        topic_start(
            user=by,
            title=question,
            body=text,
            dialogue=dialogue,
            position=position,
            created_at=min(opens_at, timezone.now()),
        )
    return dialogue


@transaction.atomic
def dialogue_summarise(*, dialogue: Dialogue, summary: str, by) -> Dialogue:
    dialogue.summary = summary
    dialogue.save(update_fields=["summary"])
    return dialogue


def quote_text(post: Post) -> str:
    """The start of a reply that quotes the post: its author and its text, each line behind "> "."""
    lines = "\n".join(f"> {line}" if line else ">" for line in post.body.splitlines())
    header = _("%(name)s wrote:") % {"name": f"**{post.author_display}**"}
    return f"> {header}\n>\n{lines}\n\n"
