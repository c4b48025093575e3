from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from hub.places.services import place_get_or_create
from hub.resources.models import Resource
from hub.resources.services import resource_create
from hub.vocabularies.models import Topic


def make_resource(
    title="Anti-rumour handbook",
    *,
    type="tool",
    status=Resource.Status.PUBLISHED,
    languages=("en",),
    topics=("discrimination-and-xenophobia",),
    place=("Barcelona", "ES"),
    practices=(),
    submitted_by=None,
    **fields,
) -> Resource:
    data = {
        "title": title,
        "type": type,
        "summary": fields.pop("summary", "How cities train anti-rumour agents."),
        "author": fields.pop("author", "Council of Europe"),
        "issued": fields.pop("issued", None),
        "url": fields.pop("url", "https://example.org/handbook"),
        "language_codes": list(languages),
        "themes": list(Topic.objects.filter(slug__in=topics)),
        "places": [place_get_or_create(name=place[0], country=place[1])] if place else [],
        "practice_addresses": list(practices),
    }
    preset = {"status": status, "published_at": timezone.now() if status == Resource.Status.PUBLISHED else None}
    return resource_create(data=data, by=AnonymousUser(), submitted_by=submitted_by, notify=False, **(preset | fields))
