from django import template
from django.utils.translation import get_language, get_language_info

from hub.publishing.translations import language_of_field, read_cards

register = template.Library()

# Languages that write the names of languages in lower case inside a sentence ("traduit de l’anglais").
LOWER_CASE_LANGUAGE_NAMES = ("fr", "es", "ca", "it", "pt")


@register.filter
def language_in_sentence(code: str) -> str:
    """The name of a language in the reader's language, as written inside a sentence."""
    try:
        name = get_language_info(code)["name_translated"]
    except KeyError:
        return code
    if (get_language() or "").split("-")[0] in LOWER_CASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


@register.filter
def translated(objects) -> list:
    """`{% for practice in page|translated %}`: the cards of a page in the reader's language, where a
    person translated them (hub.publishing.translations.read_cards: one query per page)."""
    if objects is None or objects == "":
        return []
    if not isinstance(objects, (list, tuple)) and not hasattr(objects, "__iter__"):
        return read_cards([objects])[0]
    return read_cards(objects)


@register.filter
def lang_of(obj, name: str) -> str:
    """`lang="{{ practice|lang_of:'title' }}"`: the language of a field's text as shown."""
    return language_of_field(obj, name)
