"""Who may do what in the forums. Views ask these before calling a service; templates ask them to
show or hide a button. Each answer that refuses says why, in words a member can read."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from hub.accounts.roles import is_moderator
from hub.forum.models import Ban, Dialogue, Post, Topic


def is_banned(user) -> bool:
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_forum_banned"):
        user._forum_banned = Ban.objects.filter(user=user).exists()
    return user._forum_banned


def _dialogue_refusal(dialogue: Dialogue | None) -> str:
    if dialogue is None:
        return ""
    phase = dialogue.phase()
    if phase == Dialogue.Phase.ANNOUNCED:
        return _("This dialogue has not opened yet.")
    if phase == Dialogue.Phase.CLOSED:
        return _("This dialogue is closed: it can be read, not added to.")
    return ""


def why_not_post(user, topic: Topic) -> str:
    """Empty when the person may reply to the topic, otherwise the reason they may not."""
    if not user.is_authenticated:
        return _("Sign in to reply.")
    if refusal := _dialogue_refusal(topic.dialogue):
        return refusal
    if is_moderator(user):
        return ""
    if is_banned(user):
        return _("A moderator has stopped you from posting in the forums.")
    if topic.locked:
        return _("This topic is locked: no new replies.")
    return ""


def why_not_start_topic(user, board) -> str:
    if not user.is_authenticated:
        return _("Sign in to start a topic.")
    if is_moderator(user):
        return ""
    if is_banned(user):
        return _("A moderator has stopped you from posting in the forums.")
    return ""


def can_edit(user, post: Post) -> bool:
    """Moderators edit any post; its author for a while after writing it, while they may still post there."""
    if is_moderator(user):
        return True
    return post.can_be_edited_by(user) and not why_not_post(user, post.topic)


def can_moderate(user) -> bool:
    return is_moderator(user)


def edit_deadline(post: Post):
    return post.created_at + timezone.timedelta(minutes=settings.POST_EDIT_MINUTES)
