from django.urls import path

from hub.search import feeds, views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("feeds/search/", feeds.SearchFeed(), name="feed"),
]
