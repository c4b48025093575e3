"""What a reader sees of content written in another language: the translation into theirs, when a
person made one and it is ready, in place of the original's text, with who translated it, when, and
a link to the original (`?original=1`). One mechanism for every kind: the fields a kind declares
translatable (`ContentKind.translatable`) are the ones replaced."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import get_language

from hub.publishing.kinds import kind_of
from hub.publishing.models import ContentTranslation

ORIGINAL_PARAMETER = "original"


def written_in(obj) -> str:
    """The language the object was written in (practices, pledges and events record one; English otherwise)."""
    language = getattr(obj, "language", None)
    return language if isinstance(language, str) and language else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Reading:
    """Which version of an object's text a page shows. `lang(field)` is the language of a field's text
    as shown (its `lang` attribute): a translation may leave a field to the original."""

    original_language: str
    translation: ContentTranslation | None = None  # shown in place of the original's text
    available: ContentTranslation | None = None  # one in the reader's language, while they read the original
    original_url: str = ""
    translation_url: str = ""
    languages: dict = field(default_factory=dict)  # field -> language of its text as shown

    @property
    def langs(self) -> dict:
        """field -> the language of its text as shown, for templates: `lang="{{ reading.langs.summary }}"`."""
        return FieldLanguages(self.languages, self.original_language)


class FieldLanguages(dict):
    def __init__(self, languages: dict, original: str):
        super().__init__(languages)
        self.original = original

    def __missing__(self, name: str) -> str:
        return self.original


def reading(request, obj) -> Reading:
    """The version of `obj` to show this reader. With a translation into the reader's language, the
    object's translatable fields are replaced **on this instance**, for display: never save it."""
    original = written_in(obj)
    kind = kind_of(obj)
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if not kind.translatable or not obj.is_published or language == original:
        return Reading(original_language=original)
    translation = ContentTranslation.objects.filter(
        kind=kind.slug, object_id=obj.pk, language=language, published=True
    ).first()
    if translation is None:
        return Reading(original_language=original)
    if request.GET.get(ORIGINAL_PARAMETER):
        return Reading(original_language=original, available=translation, translation_url=request.path)
    languages = {}
    for name in kind.translatable:
        if text := translation.fields.get(name):
            setattr(obj, name, text)
            languages[name] = translation.language
    obj.text_languages = languages  # what the object's own display methods read (Practice.sections)
    return Reading(
        original_language=original,
        translation=translation,
        original_url=f"{request.path}?{ORIGINAL_PARAMETER}=1",
        languages=languages,
    )


def read_cards(objects, language: str | None = None) -> list:
    """A page of cards (practices, pledges, resources, events, search results, feed items) in the
    reader's language: on each published object written in another language that has a translation
    ready into `language` (the active one by default), the translated fields replace the original's
    **on the instance, for display** (never save them), `text_languages` says which field is in which
    language (for `lang` attributes, the `lang_of` filter) and `translated_from` names the original's
    language (the card's "translated from …"). One query per kind on the page, none when every object
    is written in the reader's language; returns the objects as a list."""
    objects = list(objects)
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    kinds: dict = {}  # slug -> kind
    wanted: dict = {}  # slug -> {pk: [objects]}
    for obj in objects:
        kind = _kind_or_none(obj)
        if kind is None or not kind.translatable or not getattr(obj, "is_published", False):
            continue
        if written_in(obj) == language:
            continue
        kinds[kind.slug] = kind
        wanted.setdefault(kind.slug, {}).setdefault(obj.pk, []).append(obj)
    for slug, by_pk in wanted.items():
        kind = kinds[slug]
        translations = ContentTranslation.objects.filter(
            kind=kind.slug, language=language, published=True, object_id__in=list(by_pk)
        ).values_list("object_id", "fields")
        for object_id, fields in translations:
            for obj in by_pk.get(object_id, ()):
                languages = {}
                for name in kind.translatable:
                    if text := fields.get(name):
                        setattr(obj, name, text)
                        languages[name] = language
                if languages:
                    obj.text_languages = languages
                    obj.translated_from = written_in(obj)
    return objects


def _kind_or_none(obj):
    try:
        return kind_of(obj)
    except (StopIteration, AttributeError):
        return None


def language_of_field(obj, name: str) -> str:
    """The language of one field's text as shown: the translation's when `read_cards` or `reading` put
    one there, the original's otherwise."""
    return (getattr(obj, "text_languages", None) or {}).get(name) or written_in(obj)
