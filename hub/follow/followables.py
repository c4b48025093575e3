"""The followables and sources of the apps: practices (all, a saved list or search, a topic, a tag, a
place), pledges and their progress updates, resources and events (a list with its filters), forum
boards and topics. A new app may register its own in its AppConfig.ready() (see registry.py)."""

from functools import lru_cache

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hub.events.filters import EventFilter
from hub.events.models import Event
from hub.follow.feeds import published_tag
from hub.follow.places import place_key, place_keys_of
from hub.follow.registry import Entry, Followable, Source, item_key, register, register_source
from hub.forum.models import Board, Post
from hub.forum.models import Topic as ForumTopic
from hub.forum.notify import direct_recipients, without_quotes
from hub.lib.markdown import render_markdown
from hub.lib.templatetags.typography import colon
from hub.pledges.filters import PledgeFilter
from hub.pledges.models import Pledge, ProgressUpdate
from hub.practices.filters import PracticeFilter
from hub.practices.filters import PracticeSearchFilter as SearchFilter
from hub.practices.models import Practice
from hub.publishing.models import Status
from hub.resources.filters import ResourceFilter
from hub.resources.models import Resource
from hub.search.facets import selection_for
from hub.search.listing import listing_version
from hub.vocabularies.models import Topic

SUMMARY_CHARS = 400
# Not part of what a saved list or search selects.
NOT_FILTERS = ("page", "sort")


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _short(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(SUMMARY_CHARS)


# Sources: one query each per digest run (and their prefetches), whatever the number of subscribers.


def practice_entry(practice) -> Entry:
    return Entry(
        key=item_key(practice),
        title=practice.title,
        url=_absolute(practice.get_absolute_url()),
        summary=_short(practice.summary),
        date=practice.published_at,
        author=str(practice.submitter_display),
        categories=tuple(topic.name for topic in practice.topics.all()),
    )


def pledge_entry(pledge) -> Entry:
    return Entry(
        key=item_key(pledge),
        title=pledge.title,
        url=_absolute(pledge.get_absolute_url()),
        summary=_short(pledge.commitment),
        date=pledge.published_at,
        author=pledge.organisation.name,
        categories=tuple(topic.name for topic in pledge.topics.all()),
    )


def update_entry(update) -> Entry:
    return Entry(
        key=item_key(update),
        title=str(update),
        url=_absolute(update.get_absolute_url()),
        summary=_short(update.text),
        date=update.published_at,
        author=update.pledge.organisation.name,
        categories=(str(update.get_state_display()),),
    )


def post_entry(post) -> Entry:
    # Its author does not hear of their own post; those it mentions, and the topic's author when it
    # is a reply, had an e-mail of the forum's own at once (hub.forum.notify) and get it no second time.
    told = [post.user, *(user for user, _template in direct_recipients(post))]
    return Entry(
        key=item_key(post),
        title=_("%(name)s in “%(topic)s”") % {"name": post.author_display, "topic": post.topic.title},
        url=_absolute(post.get_absolute_url()),
        # Without what it quotes: a quoted post may be removed later, its words must not travel on.
        summary=_short(strip_tags(render_markdown(without_quotes(post.body)))),
        date=post.created_at,
        author=post.author_display,
        categories=(post.topic.board.name,) if post.topic.board_id else (),
        not_for=frozenset(user.email.strip().lower() for user in told if user.email),
    )


def resource_entry(resource) -> Entry:
    return Entry(
        key=item_key(resource),
        title=f"{resource.get_type_display()}{colon()} {resource.title}",
        url=_absolute(resource.get_absolute_url()),
        summary=_short(resource.summary),
        date=resource.published_at,
        author=resource.author,
        categories=(str(resource.get_type_display()), *(topic.name for topic in resource.topics.all())),
    )


def event_entry(event) -> Entry:
    return Entry(
        key=item_key(event),
        title=f"{event.get_type_display()}{colon()} {event.title}",
        url=_absolute(event.get_absolute_url()),
        summary=_short(event.description),
        date=event.published_at,
        author=event.organiser,
        categories=(str(event.get_type_display()), *(topic.name for topic in event.topics.all())),
    )


# Saved lists and searches: a query string of the list's filters, matched by the list's own selection.


def _filter_key(filter_class, key: str) -> str:
    """The one spelling of a list's filters: known names only, no empty values, in order. ValueError
    when a value is not one the list accepts (the list would report it and select nothing by it)."""
    # Asked twice by every list page (its Follow control and its feed links), and checking a country
    # against 250 translated names is a good part of a page: kept until the vocabulary may have changed.
    cleaned, error = _checked_filter_key(filter_class, key, listing_version(), get_language())
    if error:
        raise ValueError(error)
    return cleaned


@lru_cache(maxsize=1024)
def _checked_filter_key(filter_class, key: str, version: int, language: str) -> tuple[str, str]:
    try:
        return _clean_filter_key(filter_class, key), ""
    except ValueError as error:
        return "", str(error)


def _clean_filter_key(filter_class, key: str) -> str:
    data = QueryDict(key)
    kept = sorted(
        (name, value.strip())
        for name in data
        if name in filter_class.base_filters and name not in NOT_FILTERS
        for value in data.getlist(name)[:1]
        if value.strip()
    )
    filterset = filter_class(QueryDict(urlencode(kept)), queryset=filter_class._meta.model.objects.none())
    if not filterset.form.is_valid():
        raise ValueError(filterset.form.errors.as_text())
    return urlencode(kept)


def _filters_described(filter_class, key: str) -> str:
    filterset = filter_class(QueryDict(key), queryset=filter_class._meta.model.objects.none())
    filterset.form.is_valid()
    parts = []
    for name, value in filterset.form.cleaned_data.items():
        if value in (None, "") or name in NOT_FILTERS:
            continue
        field = filterset.form.fields[name]
        shown = (
            dict(field.choices).get(value, value) if hasattr(field, "choices") and not hasattr(value, "pk") else value
        )
        parts.append(f"{field.label}{colon()} {shown}")
    return " · ".join(str(part) for part in parts)


def _selection_match(filter_class):
    """The practices among these that the list (or search) with these filters shows: the list's own
    selection (hub.search.facets.selection_for), so a saved search sends what its page finds."""

    def match(keys, practices):
        pks = [practice.pk for practice in practices]
        found = {}
        for key in keys:
            filterset = filter_class(QueryDict(key), queryset=Practice.objects.published())
            index, bits = selection_for(filterset)
            chosen = set(index.id_array(index.of_ids(pks) & bits).tolist()) if pks else set()
            found[key] = [practice for practice in practices if practice.pk in chosen]
        return found

    return match


def _practices_label(key: str) -> str:
    described = _filters_described(PracticeFilter, key)
    return _("New practices: %(filters)s") % {"filters": described} if described else _("All new practices")


def _search_label(key: str) -> str:
    words = QueryDict(key).get("q", "")
    described = _filters_described(SearchFilter, urlencode([(k, v) for k, v in QueryDict(key).items() if k != "q"]))
    label = _("Search: “%(words)s”") % {"words": words} if words else _("Search")
    return f"{label} · {described}" if described else label


def _search_key(key: str) -> str:
    clean = _filter_key(SearchFilter, key)
    if not QueryDict(clean).get("q"):
        raise ValueError(_("A search to follow needs some words."))
    return clean


def _with_query(url: str, key: str) -> str:
    return f"{url}?{key}" if key else url


def _list_addresses(page: str, feed: str) -> dict:
    """The addresses of a list followed with its filters (the key is its query string): its page, its
    RSS feed (`feed`) and Atom feed (`feed` + "_atom")."""
    return {
        "page_url": lambda key: _with_query(reverse(page), key),
        "feed_url": lambda key: _with_query(reverse(feed), key),
        "atom_url": lambda key: _with_query(reverse(f"{feed}_atom"), key),
    }


def _one_addresses(page: str, feed: str, atom: str = "", arg=str) -> dict:
    """The addresses of one thing followed (the key names it: a slug, an id): its page and feeds."""
    return {
        "page_url": lambda key: reverse(page, args=[arg(key)]),
        "feed_url": lambda key: reverse(feed, args=[arg(key)]),
        "atom_url": lambda key: reverse(atom or f"{feed}_atom", args=[arg(key)]),
    }


def _filtered_match(filter_class):
    """match() for a list whose filters are a FilterSet over its published objects: one query per
    distinct list followed, among the new items only."""

    def match(keys, items):
        model = filter_class._meta.model
        found = {}
        for key in keys:
            filterset = filter_class(QueryDict(key), queryset=model.objects.published())
            filterset.form.is_valid()
            among = model.objects.published().filter(pk__in=[item.pk for item in items])
            chosen = set(filterset.filter_queryset(among).values_list("pk", flat=True))
            found[key] = [item for item in items if item.pk in chosen]
        return found

    return match


_pledges_match = _filtered_match(PledgeFilter)


def _list_label(filter_class, all_label, some_label):
    def label(key):
        described = _filters_described(filter_class, key)
        return some_label() % {"filters": described} if described else all_label()

    return label


def _by(attribute):
    """match() for followables keyed by one value of each item (a slug, a pk as text)."""

    def match(keys, items):
        found = {key: [] for key in keys}
        for item in items:
            for key in attribute(item) & found.keys():
                found[key].append(item)
        return found

    return match


def _topic(key: str) -> Topic:
    topic = Topic.objects.filter(slug=key).first()
    if topic is None:
        raise LookupError(key)
    return topic


def _pledge(key: str) -> Pledge:
    pledge = Pledge.objects.published().filter(slug=key).first()
    if pledge is None:
        raise LookupError(key)
    return pledge


def _board(key: str) -> Board:
    board = Board.objects.filter(slug=key).first()
    if board is None:
        raise LookupError(key)
    return board


def _forum_topic(key: str) -> ForumTopic:
    topic = ForumTopic.objects.filter(pk=int(key) if key.isdigit() else 0, post_count__gt=0).first()
    if topic is None:
        raise LookupError(key)
    return topic


def register_all() -> None:
    register_source(
        Source(
            name="practices",
            queryset=lambda: (
                Practice.objects.published().select_related("submitted_by").prefetch_related("topics", "tags", "places")
            ),
            entry=practice_entry,
        )
    )
    register_source(
        Source(
            name="pledges",
            queryset=lambda: Pledge.objects.published().select_related("organisation").prefetch_related("topics"),
            entry=pledge_entry,
        )
    )
    register_source(
        Source(
            name="progress-updates",
            queryset=lambda: (
                ProgressUpdate.objects.published()
                .filter(pledge__status=Status.PUBLISHED)
                .select_related("pledge__organisation")
            ),
            entry=update_entry,
        )
    )
    register_source(
        Source(
            name="posts",
            queryset=lambda: Post.objects.published().select_related("user", "topic__board"),
            entry=post_entry,
            date_field="created_at",
        )
    )

    register(
        Followable(
            slug="practices",
            source="practices",
            label=_practices_label,
            **_list_addresses("practices:list", "feed_practices"),
            match=_selection_match(PracticeFilter),
            clean_key=lambda key: _filter_key(PracticeFilter, key),
        )
    )
    register(
        Followable(
            slug="search",
            source="practices",
            label=_search_label,
            **_list_addresses("search:search", "feed_search"),
            match=_selection_match(SearchFilter),
            clean_key=_search_key,
        )
    )
    register(
        Followable(
            slug="topic",
            source="practices",
            label=lambda key: _topic(key).name,
            **_one_addresses("practices:topic", "feed_topic"),
            match=_by(lambda practice: {topic.slug for topic in practice.topics.all()}),
        )
    )
    register(
        Followable(
            slug="tag",
            source="practices",
            label=lambda key: _("Tag: %(tag)s") % {"tag": published_tag(key).name},
            page_url=lambda key: reverse("practices:tag", args=[published_tag(key).slug]),
            feed_url=lambda key: reverse("feed_tag", args=[key]),
            atom_url=lambda key: reverse("feed_tag_atom", args=[key]),
            match=_by(lambda practice: {tag.slug for tag in practice.tags.all()}),
        )
    )
    register(
        Followable(
            slug="place",
            source="practices",
            label=lambda key: _("Practices in %(place)s") % {"place": place_key(key).name},
            **_one_addresses("places:detail", "feed_place"),
            match=_by(lambda practice: set().union(*(place_keys_of(place) for place in practice.places.all()))),
        )
    )
    register(
        Followable(
            slug="pledges",
            source="pledges",
            label=lambda key: (
                _("New pledges: %(filters)s") % {"filters": _filters_described(PledgeFilter, key)}
                if key
                else _("All new pledges")
            ),
            **_list_addresses("pledges:list", "feed_pledges"),
            match=_pledges_match,
            clean_key=lambda key: _filter_key(PledgeFilter, key),
        )
    )
    register(
        Followable(
            slug="pledge",
            source="progress-updates",
            label=lambda key: _("Progress of “%(pledge)s”") % {"pledge": _pledge(key).title},
            page_url=lambda key: _pledge(key).get_absolute_url(),
            feed_url=lambda key: reverse("feed_pledge_updates", args=[key]),
            atom_url=lambda key: reverse("feed_pledge_updates_atom", args=[key]),
            match=_by(lambda update: {update.pledge.slug}),
        )
    )
    register(
        Followable(
            slug="board",
            source="posts",
            label=lambda key: _("Board: %(name)s") % {"name": _board(key).name},
            **_one_addresses("forum:board", "forum:board_feed", "forum:board_atom"),
            match=_by(lambda post: {post.topic.board.slug} if post.topic.board_id else set()),
        )
    )
    register(
        Followable(
            slug="discussion",
            source="posts",
            label=lambda key: _("Discussion: %(title)s") % {"title": _forum_topic(key).title},
            **_one_addresses("forum:topic", "forum:topic_feed", "forum:topic_atom", arg=int),
            match=_by(lambda post: {str(post.topic_id)}),
        )
    )
    register_source(
        Source(
            name="resources",
            queryset=lambda: Resource.objects.published().prefetch_related("topics"),
            entry=resource_entry,
        )
    )
    register_source(
        Source(
            name="events",
            queryset=lambda: Event.objects.published().prefetch_related("topics"),
            entry=event_entry,
        )
    )
    register(
        Followable(
            slug="resources",
            source="resources",
            label=_list_label(ResourceFilter, lambda: _("All new resources"), lambda: _("New resources: %(filters)s")),
            **_list_addresses("resources:list", "feed_resources"),
            match=_filtered_match(ResourceFilter),
            clean_key=lambda key: _filter_key(ResourceFilter, key),
        )
    )
    register(
        Followable(
            slug="events",
            source="events",
            label=_list_label(EventFilter, lambda: _("All new events"), lambda: _("New events: %(filters)s")),
            **_list_addresses("events:list", "feed_events"),
            match=_filtered_match(EventFilter),
            clean_key=lambda key: _filter_key(EventFilter, key),
        )
    )
