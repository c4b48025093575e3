from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from hub.practices import feeds, views
from hub.practices.sitemaps import PracticeSitemap, TopicSitemap

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("hub.practices.urls")),
    path("", include("hub.places.urls")),
    path("", include("hub.search.urls")),
    path("moderation/", include("hub.practices.moderation_urls")),
    path("moderation/imports/", include("hub.imports.urls")),
    path("feeds/practices/", feeds.LatestPracticesFeed(), name="feed_practices"),
    path("feeds/topics/<slug:slug>/", feeds.TopicFeed(), name="feed_topic"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"practices": PracticeSitemap, "topics": TopicSitemap}},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("", include("hub.people.urls")),
    path("", include("hub.reactions.urls")),
    # Our sign-up and sign-in (rate limit, status codes) and account pages first, then allauth's others.
    path("accounts/", include("hub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("hub.pages.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", lambda request: redirect(static("img/favicon.svg"), permanent=True)),
]
