from django.contrib import admin

from hub.forum.models import Ban, Board, Dialogue, Post, Topic


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Dialogue)
class DialogueAdmin(admin.ModelAdmin):
    list_display = ["title", "opens_at", "closes_at", "time_zone"]
    raw_id_fields = ["created_by"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["title", "board", "dialogue", "user", "post_count", "pinned", "locked"]
    list_filter = ["board", "pinned", "locked"]
    search_fields = ["title"]
    raw_id_fields = ["user", "last_post"]
    # Counters are kept by the services from the posts.
    readonly_fields = ["post_count", "last_post", "last_post_at", "views"]


@admin.register(Post)
class PostAdmin(admin.ModelAdmin):
    """Read-only: posts are published, removed and edited through the forum's pages and services."""

    list_display = ["__str__", "user", "topic", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["body", "user__username"]
    raw_id_fields = ["user", "topic", "quote_of", "removed_by"]
    list_select_related = ["user", "topic"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Ban)
class BanAdmin(admin.ModelAdmin):
    list_display = ["user", "by", "reason", "created_at"]
    raw_id_fields = ["user", "by"]
