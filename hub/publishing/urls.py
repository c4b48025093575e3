from django.urls import path

from hub.publishing import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<slug:kind>/<int:pk>/", views.review, name="review"),
    path("<slug:kind>/<int:pk>/publish/", views.publish, name="publish"),
    path("<slug:kind>/<int:pk>/reject/", views.reject, name="reject"),
    path("<slug:kind>/<int:pk>/feature/", views.feature, name="feature"),
    path("<slug:kind>/<int:pk>/archive/", views.archive, name="archive"),
    path("<slug:kind>/<int:pk>/restore/<int:history_id>/", views.restore, name="restore"),
]
