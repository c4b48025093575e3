"""iCalendar (RFC 5545) for one event or a list of them, through the `icalendar` package: times
carry their zone (TZID) with its VTIMEZONE, so calendar apps show them right across DST changes."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent


def _location(event) -> str:
    if event.place_id:
        parts = [event.venue, str(event.place)]
        return ", ".join(part for part in parts if part)
    return event.online_url


def calendar_of(events, *, name: str, host: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.SITE_NAME}//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    # Subscribed calendars look again after this long.
    calendar.add("refresh-interval", timezone.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        entry = VEvent()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", event.updated_at)
        entry.add("dtstart", event.local_start)
        entry.add("dtend", event.local_end)
        entry.add("summary", event.title)
        entry.add("description", event.description)
        entry.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
        entry.add("categories", [event.get_type_display()])
        if location := _location(event):
            entry.add("location", location)
        if event.published_at:
            entry.add("created", event.published_at)
        entry.add("last-modified", event.updated_at)
        entry.add("organizer", f"mailto:noreply@{host}", parameters={"CN": event.organiser})
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
