from django.urls import path

from hub.lib.feeds import conditional
from hub.search import feeds, views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/search/", conditional(feeds.SearchFeed()), name="feed"),
]
