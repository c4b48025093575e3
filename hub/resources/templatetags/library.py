"""Small lists of resources for other apps' pages: the home page, topics, places and practices."""

from django import template
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.lib.addresses import slug_address
from hub.lib.json_ld import json_ld_script
from hub.publishing.templatetags.content_translations import language_in_sentence
from hub.publishing.translations import language_of_field
from hub.resources.models import Resource

register = template.Library()
SHOWN = 5
TYPE_LABELS = dict(Resource.Type.choices)  # lazy labels, in the reader's language when shown


def _block(resources, *, heading, heading_id, more_query=""):
    shown = list(resources.only("slug", "title", "type", "issued")[:SHOWN])
    more = reverse("resources:list") + (f"?{more_query}" if more_query else "")
    return {"resources": shown, "heading": heading, "heading_id": heading_id, "more_url": more}


def _published():
    return Resource.objects.published().newest_first()


@register.inclusion_tag("resources/_list.html")
def latest_resources():
    return _block(_published(), heading=_("Latest resources"), heading_id="latest-resources-heading")


@register.inclusion_tag("resources/_list.html")
def resources_for_topic(topic):
    return _block(
        _published().with_topic(topic),
        heading=_("Resources"),
        heading_id="topic-resources-heading",
        more_query=f"{topic.filter_param}={topic.slug}" if topic.filter_param in ("theme", "gcm") else "",
    )


@register.inclusion_tag("resources/_list.html")
def resources_for_place(place=None, query=""):
    """A city's or region's resources (`place`), else a country's or continent's (`query`: "country=CO")."""
    name, _sep, code = (query or "").partition("=")
    resources = _published()
    if place:
        resources = resources.at_place(place)
    elif name == "country":
        resources = resources.in_country(code)
    elif name == "continent":
        resources = resources.in_continent(code)
    else:
        resources = resources.none()
    more = query if name == "country" and not place else ""
    return _block(resources, heading=_("Resources"), heading_id="place-resources-heading", more_query=more)


@register.inclusion_tag("resources/_list.html")
def practice_resources(practice):
    block = _block(
        _published().about_practice(practice), heading=_("Resources"), heading_id="practice-resources-heading"
    )
    block["more_url"] = ""
    return block


# The closest schema.org type of each kind of resource.
SCHEMA_TYPES = {
    Resource.Type.NEWS: "NewsArticle",
    Resource.Type.RESEARCH: "Report",
    Resource.Type.TOOL: "CreativeWork",
    Resource.Type.TRAINING: "Course",
    Resource.Type.VIDEO: "VideoObject",
    Resource.Type.PODCAST: "PodcastEpisode",
}


@register.simple_tag(takes_context=True)
def resource_json_ld(context, resource) -> str:
    """schema.org data for search engines and partner sites: the resource as its kind of creative work,
    its file (type, size, pages of a PDF) as the media it is distributed in."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(resource.type, "CreativeWork"),
        "name": resource.title,
        "abstract": resource.summary,
        "url": request.build_absolute_uri(slug_address("resources:detail", resource.slug)),
        "sameAs": resource.url or None,
        "author": {"@type": "Organization", "name": resource.author} if resource.author else None,
        "datePublished": resource.issued.isoformat() if resource.issued else None,
        "dateModified": resource.updated_at.date().isoformat(),
        "inLanguage": [language.code for language in resource.languages.all()],
        "about": [topic.name for topic in resource.topics.all()],
        "spatialCoverage": [str(place) for place in resource.places.all()],
    }
    if resource.file:
        data["associatedMedia"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(resource.get_file_url()),
            "encodingFormat": resource.file_type,
            "contentSize": f"{resource.file_size} B" if resource.file_size else None,
            **({"numberOfPages": resource.file_pages} if resource.file_pages else {}),
        }
        data["associatedMedia"] = {k: v for k, v in data["associatedMedia"].items() if v is not None}
    return json_ld_script(data)


@register.simple_tag
def resource_card(resource) -> str:
    """A card of the resource list (the template resources/_card.html was): written in Python, since the
    template's lookups, filters and include for 20 cards were most of the list's time."""
    e = conditional_escape
    meta = []
    if resource.author:
        meta.append(f"<span>{e(resource.author)}</span>")
    if resource.issued:
        meta.append(f"<span>{e(date_format(resource.issued, 'DATE_FORMAT'))}</span>")
    if languages := resource.languages.all():
        meta.append(f"<span>{e(', '.join(str(language) for language in languages))}</span>")
    if resource.file:
        kind = "PDF" if resource.is_pdf else resource.file_extension.upper()
        pages = ""
        if resource.file_pages:
            counter = resource.file_pages
            pages = ", " + ngettext("%(counter)s page", "%(counter)s pages", counter) % {"counter": counter}
        meta.append(f"<span>{e(kind)}{e(pages)}, {e(filesizeformat(resource.file_size))}</span>")
    if translated_from := getattr(resource, "translated_from", None):
        language = language_in_sentence(translated_from)
        text = _("Translated from %(language)s") % {"language": e(language)}
        meta.append(f'<span class="translated-from">{text}</span>')
    chips = ""
    if themes := resource.themes:
        links = "".join(
            f'<li><a href="{e(slug_address("practices:topic", theme.slug))}">{e(theme.name)}</a></li>'
            for theme in themes
        )
        chips = f'\n  <ul class="chips" aria-label="{e(_("Themes"))}">{links}</ul>'
    summary = Truncator(resource.summary).words(40, truncate=" …")
    html = (
        '<article class="card">\n'
        f'  <p class="eyebrow">{e(TYPE_LABELS.get(resource.type, resource.type))}</p>\n'
        f'  <h3 class="card-title" lang="{e(language_of_field(resource, "title"))}">'
        f'<a href="{e(slug_address("resources:detail", resource.slug))}">{e(resource.title)}</a></h3>\n'
        f'  <p class="card-meta">\n    {chr(10).join(meta)}\n  </p>\n'
        f'  <p class="card-summary" lang="{e(language_of_field(resource, "summary"))}">{e(summary)}</p>'
        f"{chips}\n</article>\n"
    )
    return mark_safe(html)  # noqa: S308 - every value escaped above
