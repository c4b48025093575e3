"""Small lists of upcoming events for other apps' pages: the home page, topics and places."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from hub.events.models import Event

register = template.Library()
SHOWN = 5


def _block(events, *, heading, heading_id, more_query=""):
    shown = list(events.select_related("place")[:SHOWN])
    more = reverse("events:list") + (f"?{more_query}" if more_query else "")
    return {"events": shown, "heading": heading, "heading_id": heading_id, "more_url": more}


def _upcoming():
    return Event.objects.published().upcoming()


@register.inclusion_tag("events/_list.html")
def upcoming_events():
    return _block(_upcoming(), heading=_("Upcoming events"), heading_id="upcoming-events-heading")


@register.inclusion_tag("events/_list.html")
def events_for_topic(topic):
    query = f"theme={topic.slug}" if topic.filter_param == "theme" else ""
    events = _upcoming().with_topic(topic)
    return _block(events, heading=_("Upcoming events"), heading_id="topic-events-heading", more_query=query)


@register.inclusion_tag("events/_list.html")
def events_for_place(place=None, query=""):
    """A city's upcoming events (`place`), else a country's or a continent's (`query`: "country=CO")."""
    name, _sep, code = (query or "").partition("=")
    events = _upcoming()
    if place:
        events, more = events.filter(place=place), f"place={place.slug}"
    elif name == "country":
        events, more = events.in_country(code), query
    elif name == "continent":
        events, more = events.in_continent(code), ""
    else:
        events, more = events.none(), ""
    return _block(events, heading=_("Upcoming events"), heading_id="place-events-heading", more_query=more)
