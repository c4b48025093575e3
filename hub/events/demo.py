"""The demo calendar (demo/events.yaml): read and checked before anything is written, then created
through the content kinds' one constructor. Local times in each event's own zone."""

from datetime import date, datetime
from pathlib import Path

from django.utils import timezone

from hub.events.models import Event, is_time_zone
from hub.events.services import event_create
from hub.events.timezones import aware
from hub.places.services import place_get_or_create
from hub.resources.demo import _read
from hub.resources.models import LANGUAGE_NAMES
from hub.vocabularies.models import Topic

EVENT_KEYS = {"title", "type", "description", "start", "end", "time_zone", "place", "venue", "online_url"}
EVENT_KEYS |= {"organiser", "language", "registration_url", "themes", "resources", "submitted", "status"}


def _local(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def events_read(folder: Path, *, error, resource_keys: set[str]) -> list[dict]:
    entries = _read(folder / "events.yaml", error)
    themes = set(Topic.objects.filter(kind=Topic.Kind.THEME).values_list("slug", flat=True))
    for entry in entries:

        def fail(message, entry=entry):
            raise error(f"events.yaml, “{entry.get('title', '?')}”: {message}")

        if unknown := set(entry) - EVENT_KEYS:
            fail(f"unknown keys {sorted(unknown)}")
        for key in ("title", "type", "description", "start", "end", "time_zone", "organiser", "submitted"):
            if not entry.get(key):
                fail(f"“{key}” is required")
        if entry["type"] not in Event.Type.values:
            fail(f"type is one of {Event.Type.values}")
        if not is_time_zone(entry["time_zone"]):
            fail(f"“{entry['time_zone']}” is not a time zone (say Europe/Paris)")
        try:
            start, end = (aware(_local(entry[key]), entry["time_zone"]) for key in ("start", "end"))
        except ValueError as problem:
            fail(f"start and end are local times, YYYY-MM-DD HH:MM ({problem or 'skipped by the clocks'})")
        if end < start:
            fail("it ends before it starts")
        if not entry.get("place") and not entry.get("online_url"):
            fail("give a place or an online_url")
        if entry.get("language", "en") not in LANGUAGE_NAMES:
            fail(f"unknown language “{entry['language']}”")
        if bad := [slug for slug in entry.get("themes", []) if slug not in themes]:
            fail(f"unknown themes {bad}")
        if bad := [key for key in entry.get("resources", []) if key not in resource_keys]:
            fail(f"no resource with the key {bad} in resources.yaml")
    return entries


def events_create(entries: list[dict], *, resources_by_key: dict) -> None:
    for entry in entries:
        published = entry.get("status", "published") == "published"
        submitted = entry["submitted"]
        day = submitted if isinstance(submitted, date) else date.fromisoformat(str(submitted))
        submitted_at = timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=10)))
        preset = {"submitted_at": submitted_at}
        if published:
            preset["published_at"] = submitted_at + timezone.timedelta(days=1)
        place = entry.get("place")
        data = {
            "title": entry["title"],
            "type": entry["type"],
            "description": entry["description"],
            "start": aware(_local(entry["start"]), entry["time_zone"]),
            "end": aware(_local(entry["end"]), entry["time_zone"]),
            "time_zone": entry["time_zone"],
            "online_url": entry.get("online_url", ""),
            "venue": entry.get("venue", ""),
            "organiser": entry["organiser"],
            "language": entry.get("language", "en"),
            "registration_url": entry.get("registration_url", ""),
            "place": place_get_or_create(name=place["name"], country=place["country"]) if place else None,
            "themes": list(Topic.objects.filter(slug__in=entry.get("themes", []))),
            "resource_addresses": [resources_by_key[key] for key in entry.get("resources", [])],
        }
        event_create(
            data=data,
            by=None,
            submitter_name=entry["organiser"],
            publish=published,
            notify=False,
            reason="Loaded with the demo content",
            **preset,
        )
