from django import template
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hub.lib.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> str:
    return mark_safe(render_markdown(text))  # noqa: S308 - render_markdown sanitises with nh3


@register.simple_tag(takes_context=True)
def page_url(context, number) -> str:
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


@register.filter
def period(practice) -> str:
    """ "June 2023 – December 2024", "since March 2021", or ""."""
    start, end = practice.start_date, practice.end_date
    if start and end:
        return f"{date_format(start, 'F Y')} – {date_format(end, 'F Y')}"
    if start:
        return _("since %(start)s") % {"start": date_format(start, "F Y")}
    if end:
        return _("until %(end)s") % {"end": date_format(end, "F Y")}
    return ""
