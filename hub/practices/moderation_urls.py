from django.urls import path

from hub.practices import moderation_views as views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("practices/<int:pk>/", views.review, name="review"),
    path("practices/<int:pk>/publish/", views.publish, name="publish"),
    path("practices/<int:pk>/reject/", views.reject, name="reject"),
    path("practices/<int:pk>/feature/", views.feature, name="feature"),
    path("practices/<int:pk>/archive/", views.archive, name="archive"),
    path("practices/<int:pk>/restore/<int:history_id>/", views.restore, name="restore"),
]
