from django.contrib import admin

from hub.places.models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "continent", "latitude", "longitude", "needs_review"]
    list_filter = ["needs_review", "kind", "continent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
