"""The feeds that the other apps do not have: a tag, a place (continent, country, city), a pledge's
progress updates. Atom twins of every feed come from hub.lib.feeds.atom()."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from hub.follow.places import place_key
from hub.lib.markdown import render_markdown
from hub.pledges.models import Pledge, ProgressUpdate
from hub.practices.feeds import FEED_LENGTH, PracticeFeedMixin
from hub.practices.models import Practice


def _practices():
    return Practice.objects.published().newest_first().select_related("submitted_by").prefetch_related("topics")


def published_tag(slug: str) -> Tag:
    """A tag that some published practice carries: a tag only drafts carry is not shown anywhere."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None or not Practice.objects.published().filter(tags=tag).exists():
        raise LookupError(slug)
    return tag


class TagFeed(PracticeFeedMixin, Feed):
    def get_object(self, request, slug):
        try:
            return published_tag(slug)
        except LookupError:
            raise Http404(_("No published practice carries this tag.")) from None

    def title(self, tag):
        return _("%(site)s: practices tagged “%(tag)s”") % {"site": settings.SITE_NAME, "tag": tag.name}

    def description(self, tag):
        return _("New practices tagged “%(tag)s”.") % {"tag": tag.name}

    def link(self, tag):
        return reverse("practices:tag", args=[tag.slug])

    def items(self, tag):
        return _practices().filter(tags=tag)[:FEED_LENGTH]


class PlaceFeed(PracticeFeedMixin, Feed):
    def get_object(self, request, slug):
        try:
            return place_key(slug)
        except LookupError:
            raise Http404(_("There is no such place.")) from None

    def title(self, place):
        return _("%(site)s: practices in %(place)s") % {"site": settings.SITE_NAME, "place": place.name}

    def description(self, place):
        return _("New practices in %(place)s.") % {"place": place.name}

    def link(self, place):
        return reverse("places:detail", args=[place.slug])

    def items(self, place):
        return place.practices(_practices())[:FEED_LENGTH]


class PledgeUpdatesFeed(Feed):
    """A pledge's published progress updates."""

    def get_object(self, request, slug):
        return get_object_or_404(Pledge.objects.published(), slug=slug)

    def title(self, pledge):
        return _("%(site)s: progress of “%(pledge)s”") % {"site": settings.SITE_NAME, "pledge": pledge.title}

    def description(self, pledge):
        return _("Progress updates on the pledge “%(pledge)s”.") % {"pledge": pledge.title}

    def link(self, pledge):
        return pledge.get_absolute_url()

    def items(self, pledge):
        return (
            ProgressUpdate.objects.published()
            .filter(pledge=pledge)
            .select_related("pledge__organisation")[:FEED_LENGTH]
        )

    def item_title(self, update):
        return str(update)

    def item_description(self, update):
        return render_markdown(update.text)

    def item_pubdate(self, update):
        return update.published_at

    def item_author_name(self, update):
        return update.pledge.organisation.name

    def item_categories(self, update):
        return [update.get_state_display()]
