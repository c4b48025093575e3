from django.urls import path

from hub.places import views

app_name = "places"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("map/clusters/", views.clusters_json, name="clusters"),
    path("places/suggest.json", views.suggest_json, name="suggest"),
    path("places/", views.worldwide, name="worldwide"),
    path("places/<slug:slug>/", views.place_detail, name="detail"),
]
