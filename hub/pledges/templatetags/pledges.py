import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from hub.pledges.models import Pledge
from hub.practices.templatetags.practices import JSON_SCRIPT_ESCAPES

register = template.Library()

PLACE_PAGE_PLEDGES = 5


@register.simple_tag
def pledges_of_practice(practice) -> list:
    """The published pledges that implement a practice (its page lists them)."""
    return list(
        Pledge.objects.published()
        .implementing(practice)
        .select_related("organisation")
        .only("slug", "title", "state", "organisation__name")
        .order_by("-published_at", "-pk")[:20]
    )


@register.simple_tag
def pledges_at(place=None, filter_query: str = "") -> dict:
    """The published pledges of a place page: a city's own, or a country's or a continent's."""
    pledges = Pledge.objects.published()
    if place:
        pledges = pledges.at_place(place)
    else:
        name, _sep, value = filter_query.partition("=")
        if name == "country":
            pledges = pledges.in_country(value)
        elif name == "continent":
            pledges = pledges.in_continent(value)
        else:
            return {"count": 0, "pledges": [], "query": ""}
    newest = list(pledges.newest_first().select_related("organisation")[:PLACE_PAGE_PLEDGES])
    count = len(newest) if len(newest) < PLACE_PAGE_PLEDGES else pledges.count()
    query = f"city={place.slug}" if place else filter_query
    return {"count": count, "pledges": newest, "query": query}


@register.simple_tag(takes_context=True)
def pledge_json_ld(context, pledge, progress) -> str:
    """schema.org data: the pledge as a planned action of its pledging body, its targets as results."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "PlanAction",
        "name": pledge.title,
        "description": pledge.commitment,
        "url": request.build_absolute_uri(pledge.get_absolute_url()),
        "inLanguage": pledge.language,
        "agent": {"@type": "Organization", "name": pledge.organisation.name},
        "actionStatus": {
            "pledged": "https://schema.org/PotentialActionStatus",
            "in-progress": "https://schema.org/ActiveActionStatus",
            "completed": "https://schema.org/CompletedActionStatus",
            "not-pursued": "https://schema.org/FailedActionStatus",
        }.get(pledge.state),
        "startTime": pledge.start_date.isoformat() if pledge.start_date else None,
        "endTime": pledge.end_date.isoformat() if pledge.end_date else None,
        "location": [{"@type": "Place", "name": str(place)} for place in pledge.places.all()],
        "about": [topic.name for topic in pledge.topics.all()],
        "result": [
            {
                "@type": "QuantitativeValue",
                "name": row.target.unit,
                "maxValue": row.target.number,
                **({"value": row.reached} if row.reached is not None else {}),
            }
            for row in progress
        ],
        "isPartOf": {"@type": "CreativeWork", "name": pledge.initiative.name} if pledge.initiative else None,
        "datePublished": pledge.published_at.date().isoformat() if pledge.published_at else None,
    }
    payload = json.dumps({k: v for k, v in data.items() if v not in (None, [])}, ensure_ascii=False)
    escaped = mark_safe(payload.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 - <, > and & are escaped above
    return format_html('<script type="application/ld+json">{}</script>', escaped)
