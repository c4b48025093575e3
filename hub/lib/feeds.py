"""Feeds that no stored text can break, in RSS and Atom, answering conditional requests."""

import datetime
import hashlib

from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.http import parse_http_date_safe

from hub.lib.text import strip_control

EMPTY_FEED_DATE = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def _clean(value):
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, list | tuple):
        return type(value)(_clean(item) for item in value)
    return value


class _Clean:
    """Without control characters: XML cannot carry them, and one in a single title (typed before
    the forms refused them, or imported) would otherwise make the whole feed fail for every reader."""

    def __init__(self, title, link, description, **kwargs):
        super().__init__(
            _clean(title), link, _clean(description), **{key: _clean(value) for key, value in kwargs.items()}
        )

    def add_item(self, title, link, description, **kwargs):
        super().add_item(_clean(title), link, _clean(description), **{key: _clean(v) for key, v in kwargs.items()})

    def latest_post_date(self):
        # An empty feed would say "updated now", a new ETag on every request: it has not changed.
        return super().latest_post_date() if self.items else EMPTY_FEED_DATE


class CleanRssFeed(_Clean, Rss201rev2Feed):
    pass


class CleanAtomFeed(_Clean, Atom1Feed):
    pass


def atom(feed_class):
    """The Atom twin of a feed class: the same entries, Atom's subtitle from the description."""

    class AtomFeed(feed_class):
        feed_type = CleanAtomFeed

        def subtitle(self, obj=None):
            return self._get_dynamic_attr("description", obj)

    AtomFeed.__name__ = AtomFeed.__qualname__ = f"{feed_class.__name__}Atom"
    return AtomFeed


def conditional(feed_view):
    """Feed readers poll: every feed answers with an ETag (a digest of its text) and the
    Last-Modified date the syndication framework sets from its newest entry, and a request that
    already holds this version gets a 304 without the body."""

    def view(request, *args, **kwargs):
        response = feed_view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        etag = f'"{hashlib.blake2b(response.content, digest_size=16).hexdigest()}"'
        response.headers["ETag"] = etag
        last_modified = parse_http_date_safe(response.headers.get("Last-Modified", ""))
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)

    return view
