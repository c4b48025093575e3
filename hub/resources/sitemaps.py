from django.contrib.sitemaps import Sitemap

from hub.resources.models import Resource


class ResourceSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Resource.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, obj):
        return obj.updated_at
