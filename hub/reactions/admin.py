from django.contrib import admin

from hub.reactions.models import Bookmark, Comment, Rating


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "user", "content_type", "object_id", "status", "created_at"]
    list_filter = ["status", "content_type"]
    search_fields = ["body", "user__username"]
    raw_id_fields = ["user", "removed_by"]
    list_select_related = ["user", "content_type"]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["content_type", "object_id", "user", "score", "updated_at"]
    list_filter = ["content_type", "score"]
    raw_id_fields = ["user"]


@admin.register(Bookmark)
class BookmarkAdmin(admin.ModelAdmin):
    list_display = ["content_type", "object_id", "user", "created_at"]
    list_filter = ["content_type"]
    raw_id_fields = ["user"]
