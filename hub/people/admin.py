from django.contrib import admin

from hub.people.models import Organisation, StakeholderType


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "stakeholder_type"]
    list_filter = ["stakeholder_type"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(StakeholderType)
class StakeholderTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    prepopulated_fields = {"slug": ["name"]}
