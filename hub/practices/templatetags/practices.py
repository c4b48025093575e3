import json
from functools import lru_cache

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hub.lib.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - render_markdown sanitises with nh3


@lru_cache(maxsize=8192)
def _escaped(text: str) -> str:
    """The same few hundred option values and labels on every page: escaped once each."""
    return str(escape(text))


@register.simple_tag
def facet_options(group) -> str:
    """A facet's <option>s with their counts; built in Python because the country facet alone has
    up to 250 of them and the list page renders eleven facets."""
    separator = get_format("THOUSAND_SEPARATOR")
    if get_format("NUMBER_GROUPING") == 3:
        # What intcomma gives, without its per-call look-ups of the language's format (a tenth of a page).
        def grouped(count: int) -> str:
            return f"{count:,}".replace(",", separator)
    else:
        grouped = intcomma
    options = [
        f'<option value="{_escaped(option.value)}"{" selected" if option.value == group.selected else ""}>'
        f"{_escaped(option.label)} ({grouped(option.count)})</option>"
        for option in group.options
    ]
    return mark_safe("".join(options))  # noqa: S308 - values and labels escaped; counts are digits


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


@register.filter
def period(practice) -> str:
    """ "June 2023 – December 2024", "since March 2021", "planned from January 2027", or ""."""
    start, end = practice.start_date, practice.end_date
    month = get_format("YEAR_MONTH_FORMAT")  # "December 2026", "diciembre de 2026"…
    if start and start > timezone.localdate():
        if end:
            return _("planned: %(start)s – %(end)s") % {
                "start": date_format(start, month),
                "end": date_format(end, month),
            }
        return _("planned from %(start)s") % {"start": date_format(start, month)}
    if start and end:
        return f"{date_format(start, month)} – {date_format(end, month)}"
    if start:
        return _("since %(start)s") % {"start": date_format(start, month)}
    if end:
        return _("until %(end)s") % {"end": date_format(end, month)}
    return ""


JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def practice_json_ld(context, practice) -> str:
    """schema.org data for search engines and partner sites, escaped so no text can close the script."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": practice.title,
        "abstract": practice.summary,
        "url": request.build_absolute_uri(practice.get_absolute_url()),
        "inLanguage": practice.language,
        "datePublished": practice.published_at.date().isoformat() if practice.published_at else None,
        "dateModified": practice.updated_at.date().isoformat(),
        "about": [topic.name for topic in practice.topics.all()],
        "keywords": [tag.name for tag in practice.tags.all()],
        "spatialCoverage": [str(place) for place in practice.places.all()],
        "temporalCoverage": "/".join(d.isoformat() if d else ".." for d in (practice.start_date, practice.end_date))
        if practice.start_date or practice.end_date
        else None,
        "creator": {"@type": "Organization", "name": practice.organisation.name} if practice.organisation else None,
    }
    payload = json.dumps({k: v for k, v in data.items() if v not in (None, [])}, ensure_ascii=False)
    escaped = mark_safe(payload.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - <, > and & are escaped above
    return format_html('<script type="application/ld+json">{}</script>', escaped)
