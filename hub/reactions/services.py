"""Every write of a rating, comment or bookmark. Callers have checked that the object is public
(hub.reactions.targets.public_object); each function runs in one transaction."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from hub.reactions import conversation
from hub.reactions.models import Bookmark, Comment, Rating


def _where(obj) -> dict:
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


@transaction.atomic
def rating_set(*, obj, user, score: int) -> Rating:
    """A member's rating of obj: created the first time, changed after; never counted twice."""
    if not 1 <= score <= 5:
        raise ValueError("A rating is from 1 to 5.")
    rating, _ = Rating.objects.update_or_create(**_where(obj), user=user, defaults={"score": score})
    return rating


@transaction.atomic
def bookmark_toggle(*, obj, user) -> bool:
    """Adds obj to the member's bookmarks, or takes it out; says whether it is bookmarked now."""
    deleted, _ = Bookmark.objects.filter(**_where(obj), user=user).delete()
    if deleted:
        return False
    Bookmark.objects.get_or_create(**_where(obj), user=user)
    return True


def comment_create(*, obj, user, body: str) -> Comment:
    """A new member's first comments wait for a moderator; after that, theirs appear at once."""
    return conversation.contribution_create(model=Comment, user=user, body=body, **_where(obj))


def comment_edit(*, comment: Comment, body: str) -> Comment:
    return conversation.contribution_edit(item=comment, body=body)


@transaction.atomic
def comment_delete(*, comment: Comment) -> None:
    comment.delete()


def comment_approve(*, comment: Comment, by) -> Comment:
    return conversation.contribution_approve(item=comment, by=by)


def comment_remove(*, comment: Comment, by, reason: str) -> Comment:
    return conversation.contribution_remove(item=comment, by=by, reason=reason)


@transaction.atomic
def reactions_forget_member(*, user) -> None:
    """On account deletion: ratings and bookmarks go; comments stay, signed "former member"."""
    Rating.objects.filter(user=user).delete()
    Bookmark.objects.filter(user=user).delete()
