"""Every feed under /feeds/, RSS and Atom, each answering conditional requests (hub.lib.feeds.conditional)."""

from django.urls import path

from hub.events.feeds import EventFeed
from hub.follow import feeds
from hub.lib.feeds import atom, conditional
from hub.pledges.feeds import PledgeFeed
from hub.practices.feeds import LatestPracticesFeed, SearchFeed, TopicFeed
from hub.publishing.feeds import PublishedFeed
from hub.resources.feeds import ResourceFeed


def both(route: str, feed_class, name: str) -> list:
    return [
        path(route, conditional(feed_class()), name=name),
        path(f"{route}atom/", conditional(atom(feed_class)()), name=f"{name}_atom"),
    ]


urlpatterns = [
    *both("practices/", LatestPracticesFeed, "feed_practices"),
    *both("topics/<slug:slug>/", TopicFeed, "feed_topic"),
    *both("tags/<str:slug>/", feeds.TagFeed, "feed_tag"),  # tag slugs keep their accents (language-cafés)
    *both("places/<slug:slug>/", feeds.PlaceFeed, "feed_place"),
    *both("pledges/", PledgeFeed, "feed_pledges"),
    *both("pledges/<slug:slug>/updates/", feeds.PledgeUpdatesFeed, "feed_pledge_updates"),
    *both("search/", SearchFeed, "feed_search"),
    *both("resources/", ResourceFeed, "feed_resources"),
    *both("events/", EventFeed, "feed_events"),
]

# Last of the feeds: every other registered kind's newest published objects.
kind_urlpatterns = both("<slug:kind>/", PublishedFeed, "feed_kind")
