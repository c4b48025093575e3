from urllib.parse import quote

from django import template
from django.utils.translation import gettext as _

from hub.accounts.roles import is_moderator
from hub.reactions.forms import CommentForm, RatingForm, RemovalForm
from hub.reactions.models import Bookmark, Comment, Rating
from hub.reactions.targets import target_of

register = template.Library()


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """Plain links to the main networks' share pages: no script of theirs is loaded, nothing is sent until clicked."""
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        (_("E-mail"), f"mailto:?subject={t}&body={u}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://x.com/intent/post?url={u}&text={t}"),
        ("Bluesky", f"https://bsky.app/intent/compose?text={t}%20{u}"),
        ("WhatsApp", f"https://wa.me/?text={t}%20{u}"),
    ]


@register.inclusion_tag("reactions/_panel.html", takes_context=True)
def reactions_panel(context, obj):
    """Rating, bookmark, share and comments for a public object; nothing for one that is not public."""
    request, user = context["request"], context["request"].user
    target = target_of(obj)
    if target is None or not target.public().filter(pk=obj.pk).exists():
        return {"show": False}
    url = request.build_absolute_uri(obj.get_absolute_url())
    panel = {
        "show": True,
        "obj": obj,
        "target": target,
        "user": user,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "url": url,
        "share_links": share_links(url, str(obj)),
        "is_moderator": is_moderator(user),
    }
    if target.ratings:
        panel["rating"] = Rating.objects.on(obj).summary()
        mine = Rating.objects.on(obj).by(user).values_list("score", flat=True).first()
        panel["my_rating"] = mine
        panel["rating_form"] = RatingForm(initial={"score": mine}, auto_id="id_rating_%s")
    if target.bookmarks:
        panel["bookmarked"] = Bookmark.objects.on(obj).by(user).exists()
    if target.comments:
        comments = list(Comment.objects.on(obj).visible_to(user).select_related("user"))
        for comment in comments:
            comment.editable = comment.can_be_edited_by(user)
            comment.deletable = comment.can_be_deleted_by(user)
        panel["comments"] = comments
        panel["published_count"] = sum(1 for c in comments if c.status == Comment.Status.PUBLISHED)
        panel["comment_form"] = CommentForm(auto_id="id_comment_%s")
        panel["removal_form"] = RemovalForm()
    return panel


@register.inclusion_tag("reactions/_bookmark_button.html", takes_context=True)
def bookmark_button(context, obj):
    """The bookmark button alone, for pages without the full panel (topics, places)."""
    request = context["request"]
    target = target_of(obj)
    return {
        "obj": obj,
        "target": target,
        "user": request.user,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "bookmarked": Bookmark.objects.on(obj).by(request.user).exists() if target else False,
    }


@register.simple_tag
def comments_awaiting_count() -> int:
    """For the moderation page's link to the comments that wait for a moderator."""
    return Comment.objects.awaiting_moderation().count()
