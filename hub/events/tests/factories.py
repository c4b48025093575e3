from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from hub.events.models import Event
from hub.events.services import event_create
from hub.events.timezones import aware
from hub.places.services import place_get_or_create
from hub.vocabularies.models import Topic


def make_event(
    title="International Dialogue on Migration",
    *,
    start="2030-07-20 10:00",
    end="2030-07-20 17:00",
    time_zone="Europe/Zurich",
    type="dialogue",
    status=Event.Status.PUBLISHED,
    place=("Geneva", "CH"),
    themes=("community-building",),
    **fields,
) -> Event:
    data = {
        "title": title,
        "type": type,
        "description": fields.pop("description", "Member states, cities and civil society discuss integration."),
        "start": aware(datetime.fromisoformat(start), time_zone),
        "end": aware(datetime.fromisoformat(end), time_zone),
        "time_zone": time_zone,
        "organiser": fields.pop("organiser", "IOM"),
        "online_url": fields.pop("online_url", ""),
        "place": place_get_or_create(name=place[0], country=place[1]) if place else None,
        "themes": list(Topic.objects.filter(slug__in=themes)),
    }
    preset = {"status": status, "published_at": timezone.now() if status == Event.Status.PUBLISHED else None}
    return event_create(data=data, by=AnonymousUser(), notify=False, **(preset | fields))
