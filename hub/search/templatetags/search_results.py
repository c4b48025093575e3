"""The practices' cards of a page of search results, built in Python.

Through the template language, twenty cards took a third of a search page's rendering (each lookup,
filter and include of each card is resolved anew, and Django's escaping checks every argument for a
lazy string); the same HTML built here takes a fraction of it. templates/search/search.html calls it
once per page."""

from html import escape as escape_text

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from hub.practices.templatetags.practices import period
from hub.publishing.templatetags.content_translations import language_in_sentence
from hub.publishing.translations import language_of_field

register = template.Library()


def _html(value) -> str:
    """What {{ value }} puts in a page: safe strings (the marked titles and snippets) as they are, the
    rest escaped as Django escapes."""
    return value.__html__() if hasattr(value, "__html__") else escape_text(str(value))


def translated_from(obj) -> str:
    """What publishing/_card_translated.html shows: "Translated from …", or nothing."""
    if not (language := getattr(obj, "translated_from", None)):
        return ""
    # As blocktranslate does: the language's name escaped, the translated sentence as it is.
    sentence = _("Translated from %(language)s") % {"language": escape_text(language_in_sentence(language))}
    return f'<span class="translated-from">{sentence}</span>'


def practice_result(practice, theme_urls: dict, themes_label: str) -> str:
    """The card of one search result: its title and snippet with the words marked (the view's
    search_title and search_snippet), organisation, places, period, translation and themes."""
    meta = [f"<span>{_html(practice.organisation.name)}</span>"] if practice.organisation else []
    meta += [f"<span>{_html(place)}</span>" for place in practice.places.all()]
    if when := period(practice):
        meta.append(f"<span>{_html(when)}</span>")
    snippet = ""
    if practice.search_snippet:
        language = getattr(practice, "snippet_language", None) or practice.language
        snippet = f'<p class="card-summary snippet" lang="{_html(language)}">{_html(practice.search_snippet)}</p>'
    themes = ""
    if practice.themes:
        chips = []
        for theme in practice.themes:
            if theme.slug not in theme_urls:
                theme_urls[theme.slug] = _html(theme.get_absolute_url())
            chips.append(f'<li><a href="{theme_urls[theme.slug]}">{_html(theme.name)}</a></li>')
        themes = f'<ul class="chips" aria-label="{themes_label}">{"".join(chips)}</ul>'
    return (
        '<article class="card search-result">\n'
        f'  <h3 class="card-title" lang="{_html(language_of_field(practice, "title"))}">'
        f'<a href="{_html(practice.get_absolute_url())}">{_html(practice.search_title)}</a></h3>\n'
        f'  <p class="card-meta">{"".join(meta)}{translated_from(practice)}</p>\n'
        f"  {snippet}\n"
        f"  {themes}\n"
        "</article>"
    )


@register.simple_tag
def practice_results(practices) -> SafeString:
    """The cards of a page of search results (a theme's address worked out once a page)."""
    theme_urls: dict[str, str] = {}
    themes_label = _html(_("Themes"))
    cards = [practice_result(practice, theme_urls, themes_label) for practice in practices]
    return mark_safe("\n".join(cards))  # noqa: S308 - every value escaped by _html, or safe already
