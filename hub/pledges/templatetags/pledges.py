import json

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from hub.lib.addresses import slug_address
from hub.lib.templatetags.typography import colon
from hub.places.models import Place
from hub.pledges.models import Pledge
from hub.practices.templatetags.practices import JSON_SCRIPT_ESCAPES, period
from hub.publishing.templatetags.content_translations import language_in_sentence
from hub.publishing.translations import language_of_field

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


@register.simple_tag
def pledge_card(pledge) -> str:
    """A card of the pledge list (the template pledges/_card.html was): written in Python, as the
    resource cards are, since the template's lookups, filters and includes for 20 cards were most of
    the list's time. Expects a pledge of `for_cards()`, put in the reader's language by `translated`."""
    e = conditional_escape
    meta = [f"<span>{e(pledge.organisation.name)}</span>"]
    if places := pledge.places.all():
        meta.append(
            "".join(f'<span><a href="{e(_place_address(place))}">{e(str(place))}</a></span>' for place in places)
        )
    if pledge_period := period(pledge):
        meta.append(f"<span>{e(pledge_period)}</span>")
    meta.append(f'<span class="pledge-state state-{e(pledge.state)}">{e(pledge.get_state_display())}</span>')
    if pledge.initiative:
        meta.append(f"<span>{e(pledge.initiative.name)}</span>")
    if translated_from := getattr(pledge, "translated_from", None):
        text = _("Translated from %(language)s") % {"language": e(language_in_sentence(translated_from))}
        meta.append(f'<span class="translated-from">{text}</span>')
    targets = ""
    if shown := pledge.targets.all():
        listed = " · ".join(e(str(target)) for target in shown)
        targets = f'  <p class="card-meta">{e(_("Targets"))}{colon()} {listed}</p>\n'
    summary = Truncator(pledge.commitment).words(45, truncate=" …")
    html = (
        '<article class="card pledge-card">\n'
        f'  <h3 class="card-title" lang="{e(language_of_field(pledge, "title"))}">'
        f'<a href="{e(slug_address("pledges:detail", pledge.slug))}">{e(pledge.title)}</a></h3>\n'
        '  <p class="card-meta">\n    ' + "\n    ".join(meta) + "\n  </p>\n"
        f'  <p class="card-summary" lang="{e(language_of_field(pledge, "commitment"))}">{e(summary)}</p>\n'
        f"{targets}</article>\n"
    )
    return mark_safe(html)  # noqa: S308 - every value escaped above


def _place_address(place) -> str:
    if place.kind == Place.Kind.COUNTRY:
        return place.get_absolute_url()
    return slug_address("places:detail", place.slug)
