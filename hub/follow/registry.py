"""What can be followed, each registered once: a feed and e-mail for it follow from the registration.

A *source* is a kind of item that arrives (practices, pledges, progress updates, forum posts): how to
read the published ones that are new in a period, in one query whatever the number of subscribers.
A *followable* is something a reader follows (a topic, a place, a saved search, a board): its name,
its page and feeds, and which of a batch of new items belong to it. Another app adds its own in its
AppConfig.ready():

    register_source(Source(name="resources", queryset=lambda: Resource.objects.published()…, entry=…))
    register(Followable(slug="resource-type", source="resources", label=…, page_url=…, feed_url=…,
                        atom_url=…, match=lambda keys, items: {key: [...] for key in keys}))
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import QuerySet


@dataclass(frozen=True)
class Entry:
    """An item as a feed, an alert and a digest show it."""

    key: str  # "practices.practice:12": what Sending records
    title: str
    url: str
    summary: str
    date: datetime.datetime
    author: str = ""
    categories: tuple[str, ...] = ()
    # Addresses (lower case) it is never sent to: a forum post's own author, those it named directly.
    not_for: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Source:
    name: str
    # The published items, with what `entry` and the followables' `match` read fetched with them.
    queryset: Callable[[], QuerySet]
    entry: Callable[[object], Entry]
    date_field: str = "published_at"

    def new(self, since: datetime.datetime, until: datetime.datetime) -> list:
        dated = {f"{self.date_field}__gt": since, f"{self.date_field}__lte": until}
        return list(self.queryset().filter(**dated).order_by(f"-{self.date_field}", "-pk"))

    def one(self, pk: int) -> list:
        """The item as a list of one, if it is published."""
        return list(self.queryset().filter(pk=pk))

    @property
    def model_label(self) -> str:
        return self.queryset().model._meta.label_lower


def item_key(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


@dataclass(frozen=True)
class Followable:
    slug: str  # in URLs: /follow/?what=topic&key=education
    source: str
    # The name of what is followed ("Education", "Practices in Colombia"); LookupError if there is none.
    label: Callable[[str], str]
    page_url: Callable[[str], str]
    feed_url: Callable[[str], str]
    atom_url: Callable[[str], str]
    # {key: [the items among these that belong to it]} for the keys asked, in the order given.
    match: Callable[[set[str], list], dict[str, list]]
    # The one spelling of a key (a query string's order of parameters); ValueError if it is not valid.
    clean_key: Callable[[str], str] = field(default=lambda key: key)
    # False where the items reach no hook of ours at the moment they appear: digests only. Every source
    # today reaches one (the publishing workflow's `_changed()`, or `announce_change()` for forum posts).
    immediate: bool = True
    # How the Follow control calls it: "Follow this topic", "Save this search and follow it".
    follow_text: str = ""


FOLLOWABLES: dict[str, Followable] = {}
SOURCES: dict[str, Source] = {}


def register(followable: Followable) -> Followable:
    FOLLOWABLES[followable.slug] = followable
    return followable


def register_source(source: Source) -> Source:
    SOURCES[source.name] = source
    return source


def followable_named(slug: str) -> Followable | None:
    return FOLLOWABLES.get(slug)


def sources_of_model(label_lower: str) -> list[Source]:
    return [source for source in SOURCES.values() if source.model_label == label_lower]
