"""The kinds of content that search covers, one tab each.

Practices are the first; resources, events and forum posts add themselves here with a label,
a URL parameter value and a function that counts their matches for a query.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ContentKind:
    slug: str
    label: str | Promise
    count: Callable[[str], int]


def _count_practices(text: str) -> int:
    from hub.search.results import search_practices

    return search_practices(text).count


SEARCH_KINDS: list[ContentKind] = [ContentKind("practices", _("Practices"), _count_practices)]
DEFAULT_KIND = SEARCH_KINDS[0].slug
