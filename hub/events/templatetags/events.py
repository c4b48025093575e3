"""Small lists of upcoming events for other apps' pages (the home page, topics and places), and the
days of the month view."""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from hub.events.models import Event
from hub.lib.json_ld import json_ld_script

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


def _attendance_mode(event) -> str:
    if event.online_url and event.place_id:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.online_url:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def _locations(event) -> list:
    locations = []
    if event.place_id:
        place = event.place
        locations.append(
            {
                "@type": "Place",
                "name": event.venue or place.name,
                "address": {
                    "@type": "PostalAddress",
                    **({"streetAddress": event.venue} if event.venue else {}),
                    "addressLocality": place.name,
                    "addressCountry": str(place.country),
                },
                **(
                    {"geo": {"@type": "GeoCoordinates", "latitude": place.latitude, "longitude": place.longitude}}
                    if place.latitude is not None and place.longitude is not None
                    else {}
                ),
            }
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


@register.simple_tag(takes_context=True)
def event_json_ld(context, event) -> str:
    """schema.org Event: its times with their zone's offset, online, in a place or both, its organiser,
    and its recordings and reports once it is past."""
    request = context["request"]
    locations = _locations(event)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventAttendanceMode": _attendance_mode(event),
        "eventStatus": "https://schema.org/EventScheduled",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": event.organiser} if event.organiser else None,
        "inLanguage": event.language,
        "about": [topic.name for topic in event.topics.all()],
        "offers": {"@type": "Offer", "url": event.registration_url} if event.registration_url else None,
        "recordedIn": [
            {"@type": "CreativeWork", "name": r.title, "url": request.build_absolute_uri(r.get_absolute_url())}
            for r in event.resources.published()
        ]
        if event.is_past
        else None,
    }
    return json_ld_script(data)


@register.simple_tag
def day_events(events) -> str:
    """A day's events in the month view, as links: written in Python, since a month holds hundreds
    and a template's loop over them was a good part of the page's time."""
    if not events:
        return ""
    items = "".join(event.item for event in events)  # hub.events.views.DayEvent: escaped there
    return mark_safe(f'<ul class="plain">{items}</ul>')  # noqa: S308 - addresses and titles escaped
