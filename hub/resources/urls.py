from django.urls import path

from hub.resources import views

app_name = "resources"

urlpatterns = [
    path("resources/", views.resource_list, name="list"),
    path("resources/submit/", views.resource_submit, name="submit"),
    path("resources/<slug:slug>/", views.resource_detail, name="detail"),
    path("resources/<slug:slug>/file/", views.resource_file, name="file"),
]
