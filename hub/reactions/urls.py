from django.urls import path

from hub.reactions import views

app_name = "reactions"

urlpatterns = [
    path("reactions/<slug:kind>/<int:pk>/rate/", views.rate, name="rate"),
    path("reactions/<slug:kind>/<int:pk>/bookmark/", views.bookmark, name="bookmark"),
    path("reactions/<slug:kind>/<int:pk>/comment/", views.comment, name="comment"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("comments/<int:pk>/remove/", views.comment_remove, name="comment_remove"),
    path("comments/<int:pk>/approve/", views.comment_approve, name="comment_approve"),
    path("moderation/comments/", views.comment_queue, name="comment_queue"),
    path("accounts/bookmarks/", views.my_bookmarks, name="my_bookmarks"),
]
