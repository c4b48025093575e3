"""The address of a page named with one slug, without a reverse() per link: lists of cards link each
card's page, and reversing 20 to 60 addresses a page was a noticeable part of its time."""

from functools import lru_cache

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language


@lru_cache(maxsize=64)
def _around_slug(prefix: str, urlconf, language: str | None, name: str) -> tuple[str, str]:
    """What comes before and after the slug: one reverse() a process, prefix, URLconf and language
    (addresses start with the language's prefix)."""
    before, after = reverse(name, args=["slug"], urlconf=urlconf).rsplit("slug", 1)
    return before, after


def slug_address(name: str, slug: str) -> str:
    """reverse(name, args=[slug]), for a slug of letters, digits, hyphens and underscores (nothing to quote)."""
    before, after = _around_slug(get_script_prefix(), get_urlconf(), get_language(), name)
    return f"{before}{slug}{after}"
