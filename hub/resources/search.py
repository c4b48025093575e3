"""What resources give the site search: their text in the four weighted fields (hub/search/documents.py)
and the resource kind's registration with search (RESOURCE_SEARCH, number 2)."""

from django.utils.translation import gettext_lazy as _

from hub.practices.search import country_names
from hub.resources.models import Resource
from hub.search.kinds import ObjectText, SearchFacet, SearchKind


def place_text(place) -> str:
    """A place's name with its country's in English, French and Spanish (as practices have them)."""
    return f"{place.name} {country_names(place.country.code)}"


def resource_texts(ids: list[int]) -> list[ObjectText]:
    """The resource kind's text builder: title; summary; topics; author or publisher, places and
    languages. Any status (search keeps the published ones); four queries whatever the number."""
    resources = Resource.objects.filter(pk__in=list(ids)).prefetch_related("languages", "topics", "places")
    texts = []
    for resource in resources:
        languages = [language.code for language in resource.languages.all()]
        texts.append(
            (
                resource.pk,
                languages[0] if languages else "en",
                {
                    "title": resource.title,
                    "summary": resource.summary,  # plain text (the detail page shows it as such)
                    "body": "\n".join(topic.name for topic in resource.topics.all()),
                    "context": "\n".join(
                        [
                            *([resource.author] if resource.author else []),
                            *(place_text(place) for place in resource.places.all()),
                            *(str(language) for language in resource.languages.all()),
                        ]
                    ),
                },
            )
        )
    return texts


RESOURCE_SEARCH = SearchKind(
    number=2,
    slug="resources",
    label=_("Resources"),
    model="resources.Resource",
    texts=resource_texts,
    facets=(SearchFacet("type", _("Type"), "type"),),
)
