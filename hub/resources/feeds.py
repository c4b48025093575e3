from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hub.lib.feeds import CleanRssFeed
from hub.lib.templatetags.typography import colon
from hub.publishing.feeds import InReadersLanguage
from hub.resources.filters import ResourceFilter
from hub.resources.models import Resource

FEED_LENGTH = 30


class ResourceFeed(InReadersLanguage, Feed):
    """The newest published resources, narrowed by the same filters as the list: /feeds/resources/?type=…
    (RSS; its Atom twin and conditional answers come with the route, hub/follow/feed_urls.py)."""

    feed_type = CleanRssFeed
    description = _("Resources published on IBIS Hub: news, research, tools and guidelines, media.")

    def title(self, filterset):
        return _("%(site)s: resources") % {"site": settings.SITE_NAME}

    def get_object(self, request):
        return ResourceFilter(request.GET or None, queryset=Resource.objects.published())

    def link(self, filterset):
        query = filterset.data.urlencode() if filterset.is_bound else ""
        return reverse("resources:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        return filterset.qs.newest_first().prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.get_type_display()}{colon()} {item.title}"

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.get_type_display(), *(topic.name for topic in item.topics.all())]
