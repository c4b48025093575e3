from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from hub.practices.models import ExternalLink, Practice
from hub.publishing import services


class ExternalLinkInline(admin.TabularInline):
    model = ExternalLink
    extra = 1


@admin.register(Practice)
class PracticeAdmin(SimpleHistoryAdmin):
    """The back office edits the content; the workflow (publish, reject, archive) goes through the
    publishing services, here as actions and on the moderation page, so that nothing skips the
    history, the search index, the listings or the submitter's e-mail."""

    list_display = ["title", "status", "featured", "organisation", "submitted_at", "published_at"]
    list_filter = ["status", "featured", "implementation", "evidence", "migrant_participation", "topics__kind"]
    search_fields = ["title", "summary", "organisation__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisation", "partners", "places", "adapted_from"]
    filter_horizontal = ["topics", "target_groups"]
    readonly_fields = [
        "status",
        "featured",
        "rejection_reason",
        "submitted_at",
        "published_at",
        "merged_into",
        "created_at",
        "updated_at",
    ]
    inlines = [ExternalLinkInline]
    history_list_display = ["status"]
    list_select_related = ["organisation"]
    date_hierarchy = "submitted_at"
    actions = ["publish", "archive"]

    def save_model(self, request, obj, form, change):
        # One version for the fields and the relations, written once they are all saved (save_related).
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        practice = form.instance
        del practice.skip_history_when_saving
        services.content_record_edit(obj=practice, by=request.user)

    def delete_model(self, request, obj):
        services.content_delete(obj=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for practice in queryset:
            services.content_delete(obj=practice, by=request.user)

    @admin.action(description=_("Publish the selected practices"))
    def publish(self, request, queryset):
        waiting = [practice for practice in queryset if not practice.is_published]
        for practice in waiting:
            services.content_publish(obj=practice, by=request.user)
        count = len(waiting)
        self.message_user(
            request, ngettext("%d practice published.", "%d practices published.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Archive the selected practices"))
    def archive(self, request, queryset):
        count = 0
        for practice in queryset.exclude(status=Practice.Status.ARCHIVED):
            services.content_archive(obj=practice, by=request.user)
            count += 1
        self.message_user(
            request, ngettext("%d practice archived.", "%d practices archived.", count) % count, messages.SUCCESS
        )
