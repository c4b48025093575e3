from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hub.practices.models import ExternalLink, Practice, TargetGroup, Topic
from hub.practices.services import practice_delete
from hub.search.services import search_index_practice


class ExternalLinkInline(admin.TabularInline):
    model = ExternalLink
    extra = 1


@admin.register(Practice)
class PracticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "status", "featured", "organisation", "submitted_at", "published_at"]
    list_filter = ["status", "featured", "implementation", "evidence", "migrant_participation", "topics__kind"]
    search_fields = ["title", "summary", "organisation__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisation", "partners", "places", "adapted_from"]
    filter_horizontal = ["topics", "target_groups"]
    readonly_fields = ["submitted_at", "published_at", "created_at", "updated_at"]
    inlines = [ExternalLinkInline]
    history_list_display = ["status"]
    list_select_related = ["organisation"]
    date_hierarchy = "submitted_at"

    # The admin writes straight to the models; these keep the search index in step, in its transaction.
    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        search_index_practice(practice=form.instance)

    def delete_model(self, request, obj):
        practice_delete(practice=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for practice in queryset:
            practice_delete(practice=practice, by=request.user)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "number", "slug"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(TargetGroup)
class TargetGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    prepopulated_fields = {"slug": ["name"]}
