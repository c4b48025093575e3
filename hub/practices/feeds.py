from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Stylesheet
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from hub.lib.feeds import CleanRssFeed
from hub.practices.filters import PracticeFilter, PracticeSearchFilter
from hub.practices.models import Practice
from hub.publishing.feeds import InReadersLanguage
from hub.search.facet_index import PracticeSelection
from hub.search.facets import selection_for
from hub.search.results import search_practices
from hub.vocabularies.models import Topic

FEED_LENGTH = 30


class PracticeFeedMixin(InReadersLanguage):
    feed_type = CleanRssFeed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Browsers show application/rss+xml as raw text; as XML they apply the stylesheet below.
        if "text/html" in request.headers.get("Accept", ""):
            response["Content-Type"] = "application/xml; charset=utf-8"
        patch_vary_headers(response, ["Accept"])
        return response

    def stylesheets(self):
        # Opened in a browser, the feed shows as a page that says what it is and how to follow it.
        return [Stylesheet(reverse("practices:feed_stylesheet"), mimetype="text/xsl")]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS readers take a description as HTML: escaped here, "<b>" in a summary shows as typed.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]

    def item_author_name(self, item):
        # As the practice's page shows it: "Submitted by …".
        return str(item.submitter_display)


class LatestPracticesFeed(PracticeFeedMixin, Feed):
    """The newest published practices, narrowed by the same filters as the list."""

    title = _("IBIS Hub: newest integration practices")
    description = _("Integration practices published on IBIS Hub.")

    def get_object(self, request):
        return PracticeFilter(request.GET or None, queryset=Practice.objects.published())

    def link(self, filterset):
        query = filterset.data.urlencode() if filterset.is_bound else ""
        return reverse("practices:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        # The same selection as the list (words through the search engine), in the list's order.
        index, selected = selection_for(filterset)
        by_title = filterset.cleaned().get("sort") == "title"
        practices = PracticeSelection(index, selected, by_title=by_title)[:FEED_LENGTH]
        return (
            Practice.objects.filter(pk__in=[p.pk for p in practices])
            .select_related("submitted_by")
            .prefetch_related("topics")
            .order_by(*(("title", "pk") if by_title else ("-published_at", "-pk")))
        )


class TopicFeed(PracticeFeedMixin, Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, topic):
        return _("IBIS Hub: %(topic)s") % {"topic": topic.name}

    def description(self, topic):
        return topic.description or self.title(topic)

    def link(self, topic):
        return topic.get_absolute_url()

    def items(self, topic):
        return (
            Practice.objects.published()
            .with_topic(topic)
            .newest_first()
            .select_related("submitted_by")
            .prefetch_related("topics")[:FEED_LENGTH]
        )


class SearchFeed(PracticeFeedMixin, Feed):
    """New practices matching a search, with its filters: "follow this search"."""

    description = _("New practices on IBIS Hub that match this search.")

    def get_object(self, request):
        filterset = PracticeSearchFilter(request.GET or None, queryset=Practice.objects.published())
        return filterset, search_practices(filterset.cleaned().get("q") or "", filterset)

    def title(self, obj):
        _filterset, found = obj
        return _("IBIS Hub: search for “%(words)s”") % {"words": found.text}

    def link(self, obj):
        filterset, _found = obj
        query = filterset.data.urlencode() if filterset.is_bound else ""
        return reverse("search:search") + (f"?{query}" if query else "")

    def items(self, obj):
        _filterset, found = obj
        if found.executed is None:
            return []
        ids = found.newest_ids(FEED_LENGTH)
        # Published checked in Python: with the status in SQL, SQLite reads the status index instead.
        practices = Practice.objects.filter(pk__in=ids).newest_first().prefetch_related("topics")
        return [practice for practice in practices if practice.is_published]
