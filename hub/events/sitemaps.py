from django.contrib.sitemaps import Sitemap

from hub.events.models import Event


class EventSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Event.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at
