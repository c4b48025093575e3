from hub.lib.sitemaps import LanguagesSitemap
from hub.practices.models import Practice
from hub.vocabularies.models import Topic


class PracticeSitemap(LanguagesSitemap):
    changefreq = "monthly"
    limit = 10_000

    def items(self):
        return Practice.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, practice):
        return practice.updated_at


class TopicSitemap(LanguagesSitemap):
    changefreq = "weekly"

    def items(self):
        return Topic.objects.order_by("pk")
