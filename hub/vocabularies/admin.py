from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from hub.vocabularies.models import StakeholderType, TargetGroup, Topic
from hub.vocabularies.services import vocabulary_save


class VocabularyAdmin(TranslationAdmin):
    """Renaming a term re-indexes what carries it (vocabulary_save), so search and facets follow.
    A name field per language (English required); the slug is made from the English name and stays."""

    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        vocabulary_save(term=obj)


@admin.register(Topic)
class TopicAdmin(VocabularyAdmin):
    list_display = ["name", "kind", "number", "slug"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(TargetGroup)
class TargetGroupAdmin(VocabularyAdmin):
    list_display = ["name", "position"]


@admin.register(StakeholderType)
class StakeholderTypeAdmin(VocabularyAdmin):
    list_display = ["name", "position"]
