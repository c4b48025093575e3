from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from hub.lib.feeds import CleanRssFeed
from hub.pledges.filters import PledgeFilter
from hub.pledges.models import Pledge
from hub.publishing.feeds import InReadersLanguage

FEED_LENGTH = 30


class PledgeFeed(InReadersLanguage, Feed):
    """The newest published pledges that the list's filters select: /feeds/pledges/?country=CO&state=completed."""

    feed_type = CleanRssFeed

    def get_object(self, request):
        filterset = PledgeFilter(request.GET or None, queryset=Pledge.objects.published())
        if filterset.is_bound:
            filterset.form.is_valid()
        return filterset

    def title(self, filterset):
        return _("%(site)s: pledges") % {"site": settings.SITE_NAME}

    def description(self, filterset):
        return _("The newest pledges published on %(site)s.") % {"site": settings.SITE_NAME}

    def link(self, filterset):
        query = filterset.data.urlencode() if filterset.is_bound else ""
        return reverse("pledges:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        base = Pledge.objects.published()
        selection = filterset.filter_queryset(base) if filterset.is_bound else base
        return selection.newest_first().select_related("organisation").prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, pledge):
        return pledge.title

    def item_description(self, pledge):
        return pledge.commitment

    def item_pubdate(self, pledge):
        return pledge.published_at

    def item_author_name(self, pledge):
        return pledge.organisation.name

    def item_categories(self, pledge):
        return [topic.name for topic in pledge.topics.all()]
