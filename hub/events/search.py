"""What events give the site search: their text in the four weighted fields (hub/search/documents.py)
and the event kind's registration with search (EVENT_SEARCH, number 3)."""

from django.utils.translation import gettext_lazy as _

from hub.events.models import Event
from hub.resources.search import place_text
from hub.search.documents import plain_text
from hub.search.kinds import ObjectText, SearchFacet, SearchKind


def event_texts(ids: list[int]) -> list[ObjectText]:
    """The event kind's text builder: title; the start of the description; the description and themes;
    organiser, venue and place. Any status (search keeps the published ones); two queries."""
    events = Event.objects.filter(pk__in=list(ids)).select_related("place").prefetch_related("topics")
    return [
        (
            event.pk,
            event.language,
            {
                "title": event.title,
                "summary": "",
                "body": "\n".join([plain_text(event.description), *(topic.name for topic in event.topics.all())]),
                "context": "\n".join(
                    [
                        event.organiser,
                        *([event.venue] if event.venue else []),
                        *([place_text(event.place)] if event.place else []),
                    ]
                ),
            },
        )
        for event in events
    ]


EVENT_SEARCH = SearchKind(
    number=3,
    slug="events",
    label=_("Events"),
    model="events.Event",
    texts=event_texts,
    facets=(
        SearchFacet("type", _("Type"), "type"),
        SearchFacet("place", _("Place"), "place"),
    ),
)
