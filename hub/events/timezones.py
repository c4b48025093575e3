"""Local times in a named zone, turned into moments, with daylight-saving changes handled."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hub.events.models import is_time_zone

COOKIE = "tz"


class NoSuchTime(ValueError):
    """A local time that the clocks skip (the hour lost when daylight-saving time begins)."""


def aware(local: datetime, zone_name: str) -> datetime:
    """The moment a naive local time in `zone_name` names. A time the clocks go through twice (when
    daylight-saving time ends) is the first of the two; one they skip raises NoSuchTime."""
    zone = ZoneInfo(zone_name)
    moment = local.replace(tzinfo=zone, fold=0)
    if moment.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise NoSuchTime(local)
    return moment.astimezone(UTC)


def reader_zone(request) -> str | None:
    """The reader's time zone, from the cookie the page's small script (or the zone form) sets."""
    name = request.COOKIES.get(COOKIE, "")
    return name if is_time_zone(name) else None
