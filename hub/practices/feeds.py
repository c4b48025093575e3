from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from hub.lib.feeds import CleanRssFeed
from hub.practices.facet_index import PracticeSelection
from hub.practices.facets import selection_for
from hub.practices.filters import PracticeFilter
from hub.practices.models import Practice, Topic

FEED_LENGTH = 30


class PracticeFeedMixin:
    feed_type = CleanRssFeed

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
