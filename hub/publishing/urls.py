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

# Translations of an object (hub.publishing.models.ContentTranslation), by language.
urlpatterns += [
    path("<slug:kind>/<int:pk>/translations/<str:language>/", views.translation_edit, name="translation"),
    path(
        "<slug:kind>/<int:pk>/translations/<str:language>/restore/<int:history_id>/",
        views.translation_restore,
        name="translation_restore",
    ),
    path(
        "<slug:kind>/<int:pk>/translations/<str:language>/delete/", views.translation_delete, name="translation_delete"
    ),
]
