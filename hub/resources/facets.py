"""The published resources' filter values in memory, as bitsets: the facet index the practices use
(hub/search/facet_index.py), over resources. The list counts and selects from it, so a page costs
the same few queries whether 500 or 50 000 resources are published.

The index is rebuilt, in the request that notices, when the change log names a resource (a
publication, an edit or archiving of one) or a bulk change; another kind's change (a practice's, a
pledge's, an event's) leaves it as it is. So a resource's change shows on the next
page of the list, in every process.
"""

from array import array

import numpy as np
from django.conf import settings
from django.db.models import CharField
from django.db.models.functions import Cast, Substr
from django.utils import translation
from django_countries import countries

from hub.resources.models import LANGUAGE_NAMES, Resource
from hub.search.facet_index import (
    FacetIndex,
    IndexSelection,
    LiveIndex,
    country_name,
    facet_options,
    log_since_now,
    ordered_labels,
    place_links,
    postings_of,
    rebuilt_on_changes_of,
    term_label,
)
from hub.vocabularies.models import Topic

FACETS = ("type", "theme", "gcm", "language", "country", "year")
ALPHABETICAL = ("theme", "language", "country")
TOPIC_FACET = {Topic.Kind.THEME: "theme", Topic.Kind.GCM_OBJECTIVE: "gcm"}


def build_resource_index(version) -> FacetIndex:
    seen, log_since = log_since_now()  # read first: a change committed during the build is noticed after
    with translation.override(settings.LANGUAGE_CODE):
        published = Resource.objects.published()
        # The year as the text of the date's first four digits: making 50 000 dates in Python (or, on
        # SQLite, extracting years with a function written in Python) would be most of the build.
        year = Substr(Cast("issued", output_field=CharField()), 1, 4)
        rows = list(published.newest_first().annotate(year=year).values_list("pk", "type", "year"))
        position = {row[0]: i for i, row in enumerate(rows)}
        members, labels, declare = facet_options()

        for value, label in Resource.Type.choices:
            declare("type", value, label)
        topics = {t.pk: t for t in Topic.objects.filter(kind__in=list(TOPIC_FACET))}
        for topic in topics.values():
            declare(TOPIC_FACET[topic.kind], topic.slug, term_label(topic))
        through = Resource.topics.through.objects.filter(resource__in=published, topic__in=list(topics))
        for resource_id, topic_id in through.values_list("resource_id", "topic_id"):
            topic = topics[topic_id]
            members[TOPIC_FACET[topic.kind], topic.slug].append(position[resource_id])
        through = Resource.languages.through.objects.filter(resource__in=published)
        for resource_id, code in through.values_list("resource_id", "language_id"):
            if ("language", code) not in members:
                declare("language", code, LANGUAGE_NAMES.get(code, code))
            members["language", code].append(position[resource_id])
        through = Resource.places.through.objects.filter(resource__in=published)
        at_place: dict[int, list[int]] = {}
        for resource_id, place_id, country in through.values_list("resource_id", "place_id", "place__country"):
            at_place.setdefault(place_id, []).append(position[resource_id])
            if ("country", country) not in members:
                declare("country", country, country_name(country) if country in countries else country)
            members["country", country].append(position[resource_id])
        for i, (_pk, kind, year) in enumerate(rows):
            if ("type", kind) not in members:  # a type no longer offered
                declare("type", kind, kind)
            members["type", kind].append(i)
            if year:
                if ("year", year) not in members:
                    declare("year", year, year)
                members["year", year].append(i)
        labels = ordered_labels(labels)
        link_place, link_position = place_links(
            [(place, position) for place, positions in at_place.items() for position in positions]
        )
        return FacetIndex(
            version=version,
            ids=array("q", (row[0] for row in rows)),
            title_keys=np.full(len(rows), "", dtype=object),  # the list is never by title
            published=np.full(len(rows), -1, dtype=np.int64),  # no update in place: rebuilt on a change
            postings=postings_of(members, labels, len(rows)),
            labels=labels,
            link_place=link_place,
            link_position=link_position,
            vocabulary={},
            seen=seen,
            log_since=log_since,
            by_title=np.arange(len(rows), dtype=np.int64),
            facets=FACETS,
            alphabetical=ALPHABETICAL,
        )


RESOURCES = LiveIndex(
    "resources",
    build=build_resource_index,
    catch_up=rebuilt_on_changes_of(Resource._meta.label_lower),
    in_background=False,
)


def resource_index() -> FacetIndex:
    return RESOURCES.get()


def resource_selection(filterset) -> tuple[FacetIndex, int]:
    """The index and the bitset of the published resources the list's filters select."""
    index = resource_index()
    bits = index.select(filterset.chosen())
    if words := filterset.cleaned().get("q"):
        bits &= index.of_ids(filterset.with_words(Resource.objects.published(), words).values_list("pk", flat=True))
    return index, bits


def resource_cards(index: FacetIndex, bits: int) -> IndexSelection:
    """The selected resources, newest first, for a paginator."""
    return IndexSelection(index, bits, cards=Resource.objects.for_cards())
