from django.urls import path

from hub.pledges import map as pledge_map
from hub.pledges import views

app_name = "pledges"

urlpatterns = [
    path("pledges/", views.pledge_list, name="list"),
    path("pledges/map/clusters/", pledge_map.clusters_json, name="clusters"),
    path("pledges/submit/", views.pledge_submit, name="submit"),
    path("pledges/initiatives/", views.initiative_list, name="initiatives"),
    path("pledges/initiatives/<slug:slug>/", views.initiative_detail, name="initiative"),
    path("pledges/submissions/<str:token>/", views.submission_status, name="submission_status"),
    path("pledges/<slug:slug>/", views.pledge_detail, name="detail"),
    path("pledges/<slug:slug>/updates/new/", views.update_post, name="update_post"),
]
