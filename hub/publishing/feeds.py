from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.translation import gettext as _

from hub.lib.feeds import CleanRssFeed
from hub.publishing.kinds import kind_named
from hub.publishing.translations import read_cards

FEED_LENGTH = 30


class InReadersLanguage:
    """A feed's items in the language of its address (/fr/feeds/…, the reader's): each item with a
    translation ready into it shows the translated title and summary (read_cards, one query per feed).
    Django's Feed reads every attribute through `_get_dynamic_attr`, "items" once per feed."""

    def _get_dynamic_attr(self, attname, obj, default=None):
        value = super()._get_dynamic_attr(attname, obj, default)
        return read_cards(value) if attname == "items" else value


class PublishedFeed(InReadersLanguage, Feed):
    """The newest published objects of any registered kind: /feeds/<kind>/. Kinds with filters of
    their own (practices) have a richer feed registered before this one."""

    feed_type = CleanRssFeed

    def get_object(self, request, kind):
        found = kind_named(kind)
        if found is None:
            raise Http404(_("There is no such kind of content."))
        return found

    def title(self, kind):
        return _("%(site)s: %(kind)s") % {"site": settings.SITE_NAME, "kind": kind.label_plural}

    def description(self, kind):
        return _("The newest %(kind)s published on %(site)s.") % {"kind": kind.label_plural, "site": settings.SITE_NAME}

    def link(self, kind):
        return kind.extra.get("list_url", "/")

    def items(self, kind):
        return kind.model_class.objects.published().newest_first()[:FEED_LENGTH]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return getattr(item, "summary", "")

    def item_pubdate(self, item):
        return item.published_at
