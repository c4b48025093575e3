"""Defences against spam shared by the forms people post: a honeypot field and per-person rate limits."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "website"


class HoneypotField(forms.CharField):
    """A field people never see (the template hides it); bots that fill every field give themselves away."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            **kwargs,
        )

    def validate(self, value):
        if value:
            raise ValidationError(_("This field must be left empty."), code="honeypot")


def over_rate_limit(request, group: str) -> bool:
    """Counts this attempt and says whether the person (member, else network address) went over
    settings.RATE_LIMITS[group]. Counted in the cache, which production shares between processes."""
    return is_ratelimited(
        request, group=group, key="user_or_ip", rate=settings.RATE_LIMITS[group], method="POST", increment=True
    )


RATE_LIMIT_MESSAGE = _("You have sent this too many times in a short while. Please wait a little and try again.")


_LINK = re.compile(r"(?:https?://|www\.)\S+|\]\([^)]*\)|<a\s", re.IGNORECASE)
# Words that come with spam far more often than with talk about integration.
_SPAM_WORDS = re.compile(r"\b(?:casino|viagra|crypto|loan|forex|bitcoin|seo services|porn)\b", re.IGNORECASE)


def link_count(text: str) -> int:
    """Links in a text as a member types it: bare addresses, Markdown links, HTML anchors."""
    return len(_LINK.findall(text or ""))


def spam_score(text: str, *, author_has_published: bool) -> int:
    """A rough score, higher for likelier spam: links count only from an author with nothing published
    yet (a known member's links are part of the conversation), words of the trade always count.
    Contributions at or above settings.SPAM_HOLD_SCORE wait for a moderator whoever wrote them."""
    score = 0 if author_has_published else 2 * link_count(text)
    return score + 3 * len(_SPAM_WORDS.findall(text or ""))
