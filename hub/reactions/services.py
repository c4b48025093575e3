"""Every write of a rating, comment or bookmark. Callers have checked that the object is public
(hub.reactions.targets.public_object); each function runs in one transaction. What changes a page that
anonymous readers see (an average, a published comment) ends in pages_changed(); bookmarks are seen
by their member only, whose pages are never cached."""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from hub.reactions import conversation
from hub.reactions.models import Bookmark, Comment, Rating
from hub.serving.services import pages_changed


def _where(obj) -> dict:
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


@transaction.atomic
def rating_set(*, obj, user, score: int) -> Rating:
    """A member's rating of obj: created the first time, changed after; never counted twice."""
    if not 1 <= score <= 5:
        raise ValueError("A rating is from 1 to 5.")
    rating, _ = Rating.objects.update_or_create(**_where(obj), user=user, defaults={"score": score})
    pages_changed()
    return rating


def bookmark_add(*, obj, user) -> Bookmark:
    """Idempotent: adding twice, or from two tabs at once, leaves one bookmark."""
    try:
        with transaction.atomic():
            return Bookmark.objects.get_or_create(**_where(obj), user=user)[0]
    except IntegrityError:  # the other request inserted it between our read and our write
        return Bookmark.objects.get(**_where(obj), user=user)


def bookmark_remove(*, obj, user) -> None:
    """Idempotent: removing what is not there changes nothing."""
    Bookmark.objects.filter(**_where(obj), user=user).delete()


def comment_create(*, obj, user, body: str) -> Comment:
    """A new member's first comments wait for a moderator; after that, theirs appear at once."""
    return conversation.contribution_create(model=Comment, user=user, body=body, **_where(obj))


def comment_edit(*, comment: Comment, body: str) -> Comment:
    return conversation.contribution_edit(item=comment, body=body)


@transaction.atomic
def comment_delete(*, comment: Comment) -> None:
    if comment.status == Comment.Status.PUBLISHED:
        pages_changed()
    comment.delete()


def comment_approve(*, comment: Comment, by) -> Comment:
    return conversation.contribution_approve(item=comment, by=by)


def comment_remove(*, comment: Comment, by, reason: str) -> Comment:
    return conversation.contribution_remove(item=comment, by=by, reason=reason)


@transaction.atomic
def reactions_forget_member(*, user) -> None:
    """On account deletion: ratings and bookmarks go; comments stay, signed "former member"."""
    if Rating.objects.filter(user=user).delete()[0]:
        pages_changed()
    Bookmark.objects.filter(user=user).delete()
