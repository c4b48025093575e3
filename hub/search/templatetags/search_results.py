"""A practice's card among search results, built in Python.

Through the template language, twenty cards took a third of a search page's rendering (each lookup,
filter and include of each card is resolved anew); the same HTML built here takes a fraction of it.
templates/search/search.html calls it once per result."""

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from hub.practices.templatetags.practices import period
from hub.publishing.templatetags.content_translations import language_in_sentence
from hub.publishing.translations import language_of_field

register = template.Library()


def translated_from(obj) -> SafeString:
    """What publishing/_card_translated.html shows: "Translated from …", or nothing."""
    if not (language := getattr(obj, "translated_from", None)):
        return mark_safe("")
    sentence = _("Translated from %(language)s") % {"language": escape(language_in_sentence(language))}
    return format_html('<span class="translated-from">{}</span>', mark_safe(sentence))  # noqa: S308 - as blocktranslate: the name escaped


@register.simple_tag
def practice_result(practice) -> SafeString:
    """The card of a search result: its title and snippet with the words marked (the view's
    search_title and search_snippet), organisation, places, period, translation and themes."""
    meta = [format_html("<span>{}</span>", practice.organisation.name)] if practice.organisation else []
    meta += [format_html("<span>{}</span>", place) for place in practice.places.all()]
    if when := period(practice):
        meta.append(format_html("<span>{}</span>", when))
    snippet = ""
    if practice.search_snippet:
        snippet = format_html(
            '<p class="card-summary snippet" lang="{}">{}</p>',
            getattr(practice, "snippet_language", None) or practice.language,
            practice.search_snippet,
        )
    themes = ""
    if practice.themes:
        themes = format_html(
            '<ul class="chips" aria-label="{}">{}</ul>',
            _("Themes"),
            format_html_join(
                "", '<li><a href="{}">{}</a></li>', ((t.get_absolute_url(), t.name) for t in practice.themes)
            ),
        )
    return format_html(
        '<article class="card search-result">\n'
        '  <h3 class="card-title" lang="{}"><a href="{}">{}</a></h3>\n'
        '  <p class="card-meta">{}{}</p>\n'
        "  {}\n"
        "  {}\n"
        "</article>",
        language_of_field(practice, "title"),
        practice.get_absolute_url(),
        practice.search_title,
        mark_safe("".join(meta)),  # noqa: S308 - each part built by format_html
        translated_from(practice),
        snippet,
        themes,
    )
