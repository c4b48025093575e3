from hub.lib.sitemaps import LanguagesSitemap
from hub.pledges.models import Initiative, Pledge


class PledgeSitemap(LanguagesSitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Pledge.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, pledge):
        return pledge.updated_at


class InitiativeSitemap(LanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        return Initiative.objects.order_by("pk")
