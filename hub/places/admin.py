from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from hub.places import gazetteer, services
from hub.places.models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    """Moderators correct places here: the ones the gazetteer did not know are listed under "needs review"."""

    list_display = ["name", "kind", "region", "country", "continent", "latitude", "longitude", "needs_review"]
    list_filter = ["needs_review", "kind", "continent"]
    search_fields = ["name", "region"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["gazetteer_key"]
    # Saving a correction is what clears "needs review", so the flag is not a field of the form.
    fields = ["name", "slug", "kind", "country", "region", "latitude", "longitude", "gazetteer_key"]
    actions = ["mark_checked"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.continent = gazetteer.continent_of(obj.country.code)
            return super().save_model(request, obj, form, change)
        services.place_update(
            place=obj,
            name=obj.name,
            kind=obj.kind,
            country=obj.country.code,
            region=obj.region,
            latitude=obj.latitude,
            longitude=obj.longitude,
        )

    @admin.action(description=_("Mark as checked (no longer needs review)"))
    def mark_checked(self, request, queryset):
        queryset.update(needs_review=False)
