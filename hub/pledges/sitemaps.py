from django.contrib.sitemaps import Sitemap

from hub.pledges.models import Initiative, Pledge


class PledgeSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Pledge.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, pledge):
        return pledge.updated_at


class InitiativeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Initiative.objects.order_by("pk")
