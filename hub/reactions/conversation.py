"""Conversation moderated after posting: what comments under content and forum posts share.

Each kind of conversation (a model subclassing `hub.reactions.models.Moderated`) registers once; the
trust rule, the spam score and the moderation services below then serve it, and the moderation queue
(`/moderation/comments/`) lists its contributions waiting. One rule for every kind:

- a member's first contributions (anywhere: comments and posts count together) wait for a moderator,
  until `settings.COMMENTS_TRUSTED_AFTER` of them are published; a moderator's appear at once;
- a contribution whose spam score reaches `settings.SPAM_HOLD_SCORE` waits, whoever wrote it;
- an author edits for a while (`edit_minutes_setting` on the model), a moderator publishes or removes.

Callers have checked permissions; each service runs in one transaction. What happens after a
contribution becomes public (notifications, counters) belongs to its kind: `on_published`.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise

from hub.accounts.roles import is_moderator
from hub.lib.spam import spam_score
from hub.reactions.models import Moderated
from hub.serving.services import pages_changed


@dataclass(frozen=True)
class ConversationKind:
    slug: str  # "comments", "posts": the queue's tabs (?kind=posts)
    model: str  # "app_label.ModelName"
    label_plural: str | Promise
    # The template of one waiting contribution in the queue (with its Publish and Remove forms).
    queue_template: str
    # Adds what the queue's template needs to each waiting contribution (its page, its topic, …).
    prepare_for_queue: Callable[[list], None] = lambda items: None
    # Called in the transaction when a contribution becomes public (at once, or when approved).
    on_published: Callable[[Moderated], None] = lambda item: None
    # Called in the transaction when a moderator removes a contribution.
    on_removed: Callable[[Moderated], None] = lambda item: None
    # Called in the transaction when its text changes (the author's edit or a moderator's), any status.
    on_edited: Callable[[Moderated], None] = lambda item: None
    # Fields derived from the text, set with it on creation and on every edit (a post's HTML, rendered once).
    derived: Callable[[str], dict] = lambda body: {}

    @property
    def model_class(self):
        return apps.get_model(self.model)


CONVERSATIONS: dict[str, ConversationKind] = {}


def register(kind: ConversationKind) -> ConversationKind:
    CONVERSATIONS[kind.slug] = kind
    return kind


def conversation_of(item) -> ConversationKind:
    label = item._meta.label
    return next(kind for kind in CONVERSATIONS.values() if kind.model == label)


def published_count(user) -> int:
    """How many of the member's contributions are published, every kind together."""
    if not user.is_authenticated:
        return 0
    return sum(
        kind.model_class.objects.filter(user=user, status=Moderated.Status.PUBLISHED).count()
        for kind in CONVERSATIONS.values()
    )


def is_trusted(user) -> bool:
    return is_moderator(user) or published_count(user) >= settings.COMMENTS_TRUSTED_AFTER


def _first_status(*, user, body: str) -> tuple[str, int]:
    if is_moderator(user):
        return Moderated.Status.PUBLISHED, 0
    published = published_count(user)
    score = spam_score(body, author_has_published=published > 0)
    if published < settings.COMMENTS_TRUSTED_AFTER or score >= settings.SPAM_HOLD_SCORE:
        return Moderated.Status.PENDING, score
    return Moderated.Status.PUBLISHED, score


@transaction.atomic
def contribution_create(*, model, user, body: str, **fields) -> Moderated:
    """A new comment or post: published at once when its author is trusted and it does not look like
    spam, waiting for a moderator otherwise."""
    kind = next(kind for kind in CONVERSATIONS.values() if kind.model == model._meta.label)
    status, score = _first_status(user=user, body=body)
    item = model.objects.create(user=user, body=body, status=status, spam_score=score, **kind.derived(body), **fields)
    if status == Moderated.Status.PUBLISHED:
        kind.on_published(item)
        pages_changed()
    return item


@transaction.atomic
def contribution_edit(*, item: Moderated, body: str, by=None) -> Moderated:
    """The author's change (or a moderator's: `by`) to the text; the contribution shows "edited"."""
    derived = conversation_of(item).derived(body)
    item.body = body
    item.edited_at = timezone.now()
    for name, value in derived.items():
        setattr(item, name, value)
    item.save(update_fields=["body", "edited_at", *derived])
    conversation_of(item).on_edited(item)
    if item.status == Moderated.Status.PUBLISHED:
        pages_changed()
    return item


@transaction.atomic
def contribution_approve(*, item: Moderated, by) -> Moderated:
    was_published = item.status == Moderated.Status.PUBLISHED
    item.status = Moderated.Status.PUBLISHED
    item.removed_by, item.removal_reason = None, ""
    item.save(update_fields=["status", "removed_by", "removal_reason"])
    if not was_published:
        conversation_of(item).on_published(item)
        pages_changed()
    return item


@transaction.atomic
def contribution_remove(*, item: Moderated, by, reason: str) -> Moderated:
    if item.status == Moderated.Status.PUBLISHED:
        pages_changed()
    item.status = Moderated.Status.REMOVED
    item.removed_by, item.removal_reason = by, reason
    item.save(update_fields=["status", "removed_by", "removal_reason"])
    conversation_of(item).on_removed(item)
    return item
