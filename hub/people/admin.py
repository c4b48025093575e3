from django.contrib import admin

from hub.people.models import Organisation, Profile


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "stakeholder_type"]
    list_filter = ["stakeholder_type"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organisation", "sector", "country", "listed"]
    list_filter = ["listed", "sector"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "organisation__name"]
    autocomplete_fields = ["organisation"]
    filter_horizontal = ["expertise"]
    raw_id_fields = ["user"]
