from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hub.pledges.models import Initiative, Pledge, ProgressUpdate, Representative, Target
from hub.publishing import services


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    """Moderators define the pledging initiatives here."""

    list_display = ["name", "host", "start_date", "end_date"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["host"]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    """Content is edited here; publishing goes through the moderation page (the shared services)."""

    list_display = ["title", "status", "state", "organisation", "initiative", "end_date"]
    list_filter = ["status", "state", "initiative"]
    search_fields = ["title", "commitment", "organisation__name"]
    autocomplete_fields = ["organisation", "partners", "places", "practices", "renews"]
    filter_horizontal = ["topics"]
    readonly_fields = ["status", "featured", "rejection_reason", "submitted_at", "published_at", "state"]
    inlines = [TargetInline]
    list_select_related = ["organisation", "initiative"]

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        del form.instance.skip_history_when_saving
        services.content_record_edit(obj=form.instance, by=request.user)

    def delete_model(self, request, obj):
        services.content_delete(obj=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for pledge in queryset:
            services.content_delete(obj=pledge, by=request.user)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(SimpleHistoryAdmin):
    list_display = ["pledge", "date", "state", "status"]
    list_filter = ["status", "state"]
    readonly_fields = ["status", "submitted_at", "published_at"]
    raw_id_fields = ["pledge", "submitted_by"]


@admin.register(Representative)
class RepresentativeAdmin(admin.ModelAdmin):
    """Who speaks for an organisation and posts the progress of its pledges."""

    list_display = ["user", "organisation", "trusted", "granted_at"]
    list_filter = ["trusted"]
    autocomplete_fields = ["organisation"]
    raw_id_fields = ["user"]

    def save_model(self, request, obj, form, change):
        obj.granted_by = obj.granted_by or request.user
        super().save_model(request, obj, form, change)
