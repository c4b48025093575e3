"""Event-only writes. The workflow (submit, publish, reject, history) is hub.publishing.services'."""

from hub.events.models import Event
from hub.lib.slugs import unique_slug
from hub.places.services import place_get_or_create
from hub.publishing import services as publishing


def event_write(event: Event, data: dict) -> None:
    """Copy a valid EventForm's cleaned_data onto the event, save it and set its relations.

    `data["place"]` (a place, or None) may stand for the form's place name and country (demo content)."""
    for name in ("title", "type", "description", "start", "end", "time_zone", "online_url", "venue", "organiser"):
        if name in data:
            setattr(event, name, data[name])
    for name in ("language", "registration_url"):
        if name in data:
            setattr(event, name, data[name] or event._meta.get_field(name).get_default())
    if not event.slug:
        event.slug = unique_slug(Event, event.title, fallback="event")
    if "place" in data:
        event.place = data["place"]
    elif "country" in data:
        country = data.get("country") or ""
        event.place = place_get_or_create(name=data.get("place_name") or "", country=country) if country else None
    event.save()
    if "themes" in data:
        event.topics.set(data["themes"])
    if "resource_addresses" in data:
        event.resources.set(data["resource_addresses"])


def event_create(*, data: dict, by, **options) -> Event:
    """Through the one constructor of every content kind (options: submitted_by, publish, notify, …)."""
    return publishing.content_create(model=Event, data=data, by=by, **options)
