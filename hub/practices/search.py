"""What practices give search: their text, in the four weighted fields (hub/search/documents.py),
and the practice kind's registration with search (PRACTICE_SEARCH, number 0).

The title; the summary; the rest of the text with the topics, target groups and tags; the
organisations and places (with the country's name in English, French and Spanish, so that
`Colombie` finds practices in Colombia). Their facets and filters are the facet index's
(hub/search/facet_index.py) and the list's (filters.PracticeFilter).
"""

from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from hub.practices.models import Practice
from hub.search.kinds import PRACTICES, ObjectText, SearchKind

COUNTRY_NAME_LANGUAGES = ("en", "fr", "es")


@lru_cache(maxsize=512)
def country_names(code: str) -> str:
    names = []
    for language in COUNTRY_NAME_LANGUAGES:
        with translation.override(language):
            names.append(str(countries.name(code)))
    return " ".join(dict.fromkeys(names))


def related_texts(practice_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """The names of each practice's topics, target groups, tags, partners and places: one query each,
    rows of two columns, not a model instance per related object (a rebuild reads 100 000 practices)."""
    from taggit.models import TaggedItem

    through = Practice._meta
    related: dict[int, dict[str, list[str]]] = {pk: {"body": [], "context": []} for pk in practice_ids}
    queries = [
        (
            "body",
            Practice.topics.through.objects.filter(practice_id__in=practice_ids).values_list(
                "practice_id", "topic__name"
            ),
        ),
        (
            "body",
            Practice.target_groups.through.objects.filter(practice_id__in=practice_ids).values_list(
                "practice_id", "targetgroup__name"
            ),
        ),
        (
            "body",
            TaggedItem.objects.filter(
                content_type__app_label=through.app_label,
                content_type__model=through.model_name,
                object_id__in=practice_ids,
            ).values_list("object_id", "tag__name"),
        ),
        (
            "context",
            Practice.partners.through.objects.filter(practice_id__in=practice_ids).values_list(
                "practice_id", "organisation__name"
            ),
        ),
    ]
    for field, rows in queries:
        for pk, name in rows:
            related[pk][field].append(name)
    places = Practice.places.through.objects.filter(practice_id__in=practice_ids)
    for pk, name, country in places.values_list("practice_id", "place__name", "place__country"):
        related[pk]["context"] += [name, country_names(country)]
    return related


def practices_to_index(practice_ids: list[int]):
    fields = ["pk", "title", "summary", "language", "organisation__name", *Practice.LONG_FIELDS]
    return Practice.objects.filter(pk__in=practice_ids).values(*fields)


def field_texts(practice: dict, related: dict[str, list[str]]) -> dict[str, str]:
    body = [practice[name] for name in Practice.LONG_FIELDS] + related["body"]
    context = [practice["organisation__name"] or "", *related["context"]]
    return {
        "title": practice["title"],
        "summary": practice["summary"],
        "body": "\n".join(text for text in body if text),
        "context": "\n".join(text for text in context if text),
    }


def practice_texts(practice_ids: list[int]) -> list[ObjectText]:
    """The practice kind's text builder (hub.search.kinds.SearchKind.texts)."""
    related = related_texts(practice_ids)
    return [
        (practice["pk"], practice["language"], field_texts(practice, related[practice["pk"]]))
        for practice in practices_to_index(practice_ids)
    ]


PRACTICE_SEARCH = SearchKind(
    number=0,
    slug=PRACTICES,
    label=_("Practices"),
    model="practices.Practice",
    texts=practice_texts,
    # The site search's filters of practices: the list's, with the words and the order of a search.
    extra={"filterset": "hub.practices.filters.PracticeSearchFilter"},
)
