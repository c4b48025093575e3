"""Punctuation that differs by language, for what templates write between translated pieces: French
puts a no-break space before a colon ("Thème : …"), English, Spanish and Arabic none. A colon inside a
translated sentence is the catalogue's; one written after a label in a template is `{% colon %}`.
Loaded in every template (TEMPLATES' builtins)."""

from django import template
from django.utils.translation import get_language

register = template.Library()

# Before a colon: a no-break space (U+00A0), as the French catalogue writes it ("%(site)s : événements").
SPACE_BEFORE_COLON = {"fr": "\u00a0"}


@register.simple_tag
def colon() -> str:
    """`{% translate "Status" %}{% colon %} …`: ":" with the space the reader's language puts before it."""
    return SPACE_BEFORE_COLON.get((get_language() or "").split("-")[0], "") + ":"
