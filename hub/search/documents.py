"""What of a practice goes into the index, and with what weight.

Four fields, in decreasing weight: the title; the summary; the rest of the text with the
topics, target groups and tags; the organisations and places (with the country's name in
English, French and Spanish, so that `Colombie` finds practices in Colombia).
"""

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils import translation
from django.utils.html import strip_tags
from django_countries import countries

from hub.lib.markdown import render_markdown
from hub.practices.models import Practice
from hub.search.analysis import terms

FIELDS = ("title", "summary", "body", "context")
COUNTRY_NAME_LANGUAGES = ("en", "fr", "es")


@dataclass(frozen=True)
class IndexedPractice:
    practice_id: int
    fields: dict[str, list[str]]  # field name -> its terms, in order
    pairs: frozenset[str]  # "word:term", the vocabulary this practice brings


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


# (practice id, language, {field: text}): what the analysis needs, read from the database.
PracticeText = tuple[int, str, dict[str, str]]


def read_texts(practice_ids: list[int]) -> list[PracticeText]:
    related = related_texts(practice_ids)
    return [
        (practice["pk"], practice["language"], field_texts(practice, related[practice["pk"]]))
        for practice in practices_to_index(practice_ids)
    ]


def analyse(texts: list[PracticeText]) -> list[IndexedPractice]:
    """Pure computation, no database: a rebuild runs it in worker processes."""
    documents = []
    for pk, language, field_text in texts:
        fields, vocabulary = {}, {}
        for name, text in field_text.items():
            found, field_terms = terms(text, language)
            fields[name] = field_terms
            vocabulary.update(zip(found, field_terms, strict=True))
        pairs = frozenset(f"{word}:{term}" for word, term in vocabulary.items())
        documents.append(IndexedPractice(pk, fields, pairs))
    return documents


def analyse_many(practice_ids: list[int]) -> list[IndexedPractice]:
    return analyse(read_texts(practice_ids))


# Text with none of these has no Markdown in it: rendering would only wrap it in paragraphs, and
# costs more than the rest of a snippet.
MARKDOWN_SYNTAX_RE = re.compile(r"[*_`#>\[\]<&|\\!~=]|--|^[ \t]*(?:[-+]|\d+[.)])(?:[ \t]|$)|^(?: {4}|\t)", re.MULTILINE)


def plain_text(markdown_text: str) -> str:
    """The words of a Markdown field without its markup, for snippets."""
    if not MARKDOWN_SYNTAX_RE.search(markdown_text):
        return markdown_text
    return html.unescape(strip_tags(render_markdown(markdown_text)))
