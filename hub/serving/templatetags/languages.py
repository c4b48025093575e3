"""The page in every language offered: hreflang alternates in <head> and the footer's choice."""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from hub.lib.languages import url_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def page_languages(context) -> list[dict]:
    """One entry per language offered (English first), each with this page's address in it: `url` (the
    path and query) and `absolute`; empty when only one language is offered, or when the page has no
    version per language (the admin, a page rendered without a request)."""
    request = context.get("request")
    if request is None or len(settings.LANGUAGES) < 2:
        return []
    here = request.get_full_path()
    current = get_language()
    pages = []
    for code, _name in settings.LANGUAGES:
        url = url_in_language(here, code)
        info = get_language_info(code)
        pages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "bidi": info["bidi"],
                "url": url,
                "absolute": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    if len({page["url"] for page in pages}) < 2:
        return []  # the same address in every language: not a page that has versions
    return pages


@register.filter
def bdi(value):
    """User content (a name, a title, a place) inside a translated sentence, isolated so that a Latin
    name keeps its order in an Arabic sentence and the reverse: `{% blocktranslate with name=x|bdi %}`.
    Only where HTML is rendered (never in <title>, an attribute or an e-mail)."""
    return format_html("<bdi>{}</bdi>", value)
