"""The vocabularies' translated fields (django-modeltranslation): `name_en`, `name_fr`, `name_es`,
`name_ar` (and `description_*` for topics) beside the original column. Reading `topic.name` gives the
active language's name, or the English one where it has none; queries on `name` follow the active
language too. The original `name` column keeps the English name (vocabulary_save writes in English):
search documents and the history read it. Slugs are not translated: addresses stay the same in every language."""

from modeltranslation.translator import TranslationOptions, register

from hub.vocabularies.models import StakeholderType, TargetGroup, Topic


@register(Topic)
class TopicTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",)}


@register(TargetGroup)
class TargetGroupTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}


@register(StakeholderType)
class StakeholderTypeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",)}
