from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hub.practices.feeds import FEED_LENGTH, PracticeFeedMixin
from hub.practices.models import Practice
from hub.search.results import SearchFilter, search_practices


class SearchFeed(PracticeFeedMixin, Feed):
    """New practices matching a search, with its filters: "follow this search"."""

    description = _("New practices on IBIS Hub that match this search.")

    def get_object(self, request):
        filterset = SearchFilter(request.GET or None, queryset=Practice.objects.published())
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
