"""The newest published events as RSS and Atom, narrowed by the list's filters (/feeds/events/?type=…):
what a feed reader or an e-mail follower hears of. Calendar apps take the iCal feed (ical.py)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from hub.events.filters import EventFilter
from hub.events.models import Event
from hub.lib.feeds import CleanRssFeed
from hub.lib.templatetags.typography import colon
from hub.publishing.feeds import InReadersLanguage

FEED_LENGTH = 30


class EventFeed(InReadersLanguage, Feed):
    feed_type = CleanRssFeed
    description = _("Events announced on IBIS Hub: conferences, webinars, workshops and dialogues.")

    def title(self, filterset):
        return _("%(site)s: events") % {"site": settings.SITE_NAME}

    def get_object(self, request):
        return EventFilter(request.GET or None, queryset=Event.objects.published())

    def link(self, filterset):
        query = filterset.query()
        return reverse("events:list") + (f"?{query}" if query else "")

    def items(self, filterset):
        return filterset.qs.newest_first().select_related("place").prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.get_type_display()}{colon()} {item.title}"

    def item_description(self, item):
        when = formats.date_format(item.local_start, "DATETIME_FORMAT")
        where = str(item.place) if item.place_id else _("Online")
        return f"{when} ({item.time_zone}) · {where}\n\n{item.description}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.organiser or None

    def item_categories(self, item):
        return [item.get_type_display(), *(topic.name for topic in item.topics.all())]
