from django import template
from django.utils.translation import get_language, get_language_info

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
