"""Every page of the sitemap in every language offered (settings.LANGUAGES, read at each request), each
with its alternates (hreflang) and the English address as x-default, as search engines ask."""

from django.contrib.sitemaps import Sitemap


class LanguagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
