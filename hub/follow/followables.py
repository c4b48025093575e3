"""The followables and sources of the apps that existed before hub/follow: practices (all, a saved
list or search, a topic, a tag, a place), pledges and their progress updates, forum boards and topics.
Resources and events register theirs in their own AppConfig.ready() (see registry.py)."""

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from hub.follow.feeds import published_tag
from hub.follow.places import place_key, place_keys_of
from hub.follow.registry import Entry, Followable, Source, item_key, register, register_source
from hub.forum.models import Board, Post
from hub.forum.models import Topic as ForumTopic
from hub.lib.markdown import render_markdown
from hub.pledges.filters import PledgeFilter
from hub.pledges.models import Pledge, ProgressUpdate
from hub.practices.filters import PracticeFilter
from hub.practices.filters import PracticeSearchFilter as SearchFilter
from hub.practices.models import Practice
from hub.publishing.models import Status
from hub.search.facets import selection_for
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
    return Entry(
        key=item_key(post),
        title=_("%(name)s in “%(topic)s”") % {"name": post.author_display, "topic": post.topic.title},
        url=_absolute(post.get_absolute_url()),
        summary=_short(strip_tags(render_markdown(post.body))),
        date=post.created_at,
        author=post.author_display,
        categories=(post.topic.board.name,) if post.topic.board_id else (),
    )


# Saved lists and searches: a query string of the list's filters, matched by the list's own selection.


def _filter_key(filter_class, key: str) -> str:
    """The one spelling of a list's filters: known names only, no empty values, in order. ValueError
    when a value is not one the list accepts (the list would report it and select nothing by it)."""
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
        parts.append(f"{field.label}: {shown}")
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


def _pledges_match(keys, pledges):
    found = {}
    for key in keys:
        filterset = PledgeFilter(QueryDict(key), queryset=Pledge.objects.published())
        filterset.form.is_valid()
        chosen = set(
            filterset.filter_queryset(Pledge.objects.filter(pk__in=[p.pk for p in pledges])).values_list(
                "pk", flat=True
            )
        )
        found[key] = [pledge for pledge in pledges if pledge.pk in chosen]
    return found


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
            page_url=lambda key: _with_query(reverse("practices:list"), key),
            feed_url=lambda key: _with_query(reverse("feed_practices"), key),
            atom_url=lambda key: _with_query(reverse("feed_practices_atom"), key),
            match=_selection_match(PracticeFilter),
            clean_key=lambda key: _filter_key(PracticeFilter, key),
        )
    )
    register(
        Followable(
            slug="search",
            source="practices",
            label=_search_label,
            page_url=lambda key: _with_query(reverse("search:search"), key),
            feed_url=lambda key: _with_query(reverse("feed_search"), key),
            atom_url=lambda key: _with_query(reverse("feed_search_atom"), key),
            match=_selection_match(SearchFilter),
            clean_key=_search_key,
        )
    )
    register(
        Followable(
            slug="topic",
            source="practices",
            label=lambda key: _topic(key).name,
            page_url=lambda key: reverse("practices:topic", args=[key]),
            feed_url=lambda key: reverse("feed_topic", args=[key]),
            atom_url=lambda key: reverse("feed_topic_atom", args=[key]),
            match=_by(lambda practice: {topic.slug for topic in practice.topics.all()}),
        )
    )
    register(
        Followable(
            slug="tag",
            source="practices",
            label=lambda key: _("Tag: %(tag)s") % {"tag": published_tag(key).name},
            page_url=lambda key: reverse("practices:list") + "?" + urlencode({"q": published_tag(key).name}),
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
            page_url=lambda key: reverse("places:detail", args=[key]),
            feed_url=lambda key: reverse("feed_place", args=[key]),
            atom_url=lambda key: reverse("feed_place_atom", args=[key]),
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
            page_url=lambda key: _with_query(reverse("pledges:list"), key),
            feed_url=lambda key: _with_query(reverse("feed_pledges"), key),
            atom_url=lambda key: _with_query(reverse("feed_pledges_atom"), key),
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
            page_url=lambda key: reverse("forum:board", args=[key]),
            feed_url=lambda key: reverse("forum:board_feed", args=[key]),
            atom_url=lambda key: reverse("forum:board_atom", args=[key]),
            match=_by(lambda post: {post.topic.board.slug} if post.topic.board_id else set()),
            immediate=False,
        )
    )
    register(
        Followable(
            slug="discussion",
            source="posts",
            label=lambda key: _("Discussion: %(title)s") % {"title": _forum_topic(key).title},
            page_url=lambda key: reverse("forum:topic", args=[int(key)]),
            feed_url=lambda key: reverse("forum:topic_feed", args=[int(key)]),
            atom_url=lambda key: reverse("forum:topic_atom", args=[int(key)]),
            match=_by(lambda post: {str(post.topic_id)}),
            immediate=False,
        )
    )
