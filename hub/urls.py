from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from hub.events.sitemaps import EventSitemap
from hub.events.views import events_ics
from hub.follow import feed_urls
from hub.operations.views import healthz
from hub.pledges.sitemaps import InitiativeSitemap, PledgeSitemap
from hub.practices import views
from hub.practices.sitemaps import PracticeSitemap, TopicSitemap
from hub.resources.sitemaps import ResourceSitemap
from hub.serving.views import language_set

# Every page in every language offered: English, the language the site is written in, keeps the
# addresses it always had (/practices/…); the others carry their prefix (/fr/practices/…). Feeds are
# pages too (/fr/feeds/practices/ gives French titles), and so are the map's JSON (its errors are
# messages) and the follow links sent by e-mail, written in the subscriber's language.
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path("", include("hub.practices.urls")),
    path("", include("hub.places.urls")),
    path("", include("hub.pledges.urls")),
    path("", include("hub.resources.urls")),
    path("", include("hub.events.urls")),
    path("moderation/imports/", include("hub.imports.urls")),
    path("moderation/", include("hub.publishing.urls")),
    path("feeds/events.ics", events_ics, name="feed_events_ics"),
    path("feeds/", include("hub.follow.feed_urls")),
    path("", include("hub.search.urls")),
    # Last of the feeds: every other registered kind's newest published objects.
    path("feeds/", include(feed_urls.kind_urlpatterns)),
    path("follow/", include("hub.follow.urls")),
    path("", include("hub.people.urls")),
    path("", include("hub.reactions.urls")),
    path("discuss/", include("hub.forum.urls")),
    # Our sign-up and sign-in (rate limit, status codes) and account pages first, then allauth's others.
    path("accounts/", include("hub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("hub.pages.urls")),
    prefix_default_language=False,
)

# Once for the whole site, whatever the language: the sitemap lists every page in every language
# offered (with its alternates), the language choice, the admin (in English), the health check.
urlpatterns += [
    path(
        "sitemap.xml",
        sitemap,
        {
            "sitemaps": {
                "practices": PracticeSitemap,
                "topics": TopicSitemap,
                "pledges": PledgeSitemap,
                "initiatives": InitiativeSitemap,
                "resources": ResourceSitemap,
                "events": EventSitemap,
            }
        },
        name="django.contrib.sitemaps.views.sitemap",
    ),
    # The footer's choice (a GET, so that pages carry no CSRF token); Django's POST view stays for others.
    path("language/", language_set, name="language"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico whatever the page says.
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", lambda request: redirect(static("img/favicon.svg"), permanent=True)),
]

# A lost database answers 503 "back in a moment"; anything else the plain 500 page.
handler500 = "hub.lib.unavailable.server_error"
