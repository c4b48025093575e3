from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from hub.forum.models import Dialogue, Topic
from hub.forum.subjects import kind_slug_of
from hub.lib.markdown import USER_CONTENT_REL, render_markdown

register = template.Library()


@register.filter
def post_markdown(text: str) -> str:
    """What a member wrote, as sanitised HTML; its links are marked as user content."""
    return mark_safe(render_markdown(text, link_rel=USER_CONTENT_REL))  # noqa: S308 - sanitised with nh3


@register.filter
def verbose_name_of(obj) -> str:
    return obj._meta.verbose_name


@register.inclusion_tag("forum/_open_dialogue.html")
def open_dialogue():
    """The home page's notice of the dialogue open now (the one closing first), or nothing."""
    return {"dialogue": Dialogue.objects.open_at(timezone.now()).order_by("closes_at").first()}


@register.inclusion_tag("forum/_discuss_link.html")
def discuss_link(obj):
    """ "Discuss this practice" on the page of a published object of any registered kind: the link to its
    topic when there is one, to start one otherwise."""
    kind = kind_slug_of(obj)
    if kind is None or not getattr(obj, "is_published", False):
        return {"show": False}
    topic = Topic.objects.about(obj).with_posts().order_by("pk").first()
    return {"show": True, "obj": obj, "kind": kind, "topic": topic}
