"""The Follow control and the feed <link>s of a page: {% follow_control "topic" topic.slug %} and,
in the head block, {% follow_feed_links "topic" topic.slug %}."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from hub.follow.models import Subscription
from hub.follow.registry import followable_named

register = template.Library()


def _target(what: str, key) -> dict | None:
    """The followable's URLs for this key, or None (nothing is shown) when the key is not valid."""
    followable = followable_named(what)
    if followable is None:
        return None
    try:
        key = followable.clean_key(str(key or ""))
    except ValueError:
        return None
    return {
        "what": what,
        "key": key,
        "immediate": followable.immediate,
        "rss": followable.feed_url(key),
        "atom": followable.atom_url(key),
        "follow_url": reverse("follow:follow") + "?" + urlencode({"what": what, "key": key}),
    }


def _members_subscription(user, target):
    """The signed-in member's subscription to this, if they follow it: the control says so and offers
    to stop, instead of offering to follow again."""
    if target is None or user is None or not user.is_authenticated:
        return None
    mine = Subscription.objects.filter(user=user) | Subscription.objects.of_address(user.email or "-")
    return mine.filter(what=target["what"], key=target["key"]).first()


@register.inclusion_tag("follow/_control.html", takes_context=True)
def follow_control(context, what, key="", label=""):
    request = context.get("request")
    target = _target(what, key)
    return {
        "target": target,
        "subscription": _members_subscription(context.get("user"), target),
        "label": label,
        "user": context.get("user"),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("follow/_feed_links.html")
def follow_feed_links(what, key="", title=""):
    return {"target": _target(what, key), "title": title}
