from django.urls import path

from hub.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("template.csv", views.template_csv, name="template_csv"),
    path("<int:pk>/", views.detail, name="detail"),
    path("possible-duplicates/", views.possible_duplicates, name="possible_duplicates"),
    path("possible-duplicates/<int:pk>/", views.compare, name="compare"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("merge/<int:pk>/", views.merge, name="merge"),
]
