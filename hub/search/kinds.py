"""The kinds of content that search covers, each registered once with what search needs of it.

A kind gives search a number, a text builder and its facets; from these it is indexed, found by the
site search (one tab each: "Practices (12) · Toolkits (3)") and counted, with no search code of its
own. Curated content registers through its publishing kind (`hub.publishing.kinds.ContentKind.search`),
which puts it here; search itself imports neither `publishing` nor any kind's app.

One index holds every kind. A document's id is the kind's number in the high bits and the object's
primary key in the low ones (`number << 48 | pk`): practices are number 0, so a practice's document id
is its primary key and every practice path works as it did, and a kind is a range of document ids,
which both engines seek (SQLite FTS5 by rowid, PostgreSQL by primary key).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.functional import Promise

KIND_SHIFT = 48  # 2**48 objects of one kind; 2**15 kinds in a signed 64-bit id

# (object id, language, {"title": …, "summary": …, "body": …, "context": …}): what the analysis of one
# object needs (hub.search.documents.FIELDS), read from the database by the kind's text builder.
ObjectText = tuple[int, str, dict[str, str]]


@dataclass(frozen=True)
class SearchFacet:
    """A filter of a kind's search results, counted in SQL over its published matches: a field of the
    model with choices, or a foreign key (`field="organisation"`, labelled by str() of the object); a
    path through foreign keys too (`field="topic__board"`)."""

    name: str  # the query parameter: ?audience=…
    label: str | Promise
    field: str


@dataclass(frozen=True)
class SearchKind:
    number: int  # the high bits of its document ids: 0 for practices, a new number for each kind
    slug: str  # ?kind= on /search/, and the tab's id
    label: str | Promise  # the tab: "Practices"
    model: str  # "app_label.ModelName"; its default manager has published()
    # Object ids -> the text of those that exist, any status: search decides what is published.
    texts: Callable[[list[int]], list[ObjectText]]
    facets: tuple[SearchFacet, ...] = ()
    result_template: str = "search/_result.html"  # one result of a kind other than practices
    # A page of results as readers see them (in their language, where people translated them):
    # the objects, changed for display only. Publishing sets it for kinds with translatable fields.
    for_display: Callable[[list], list] | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if not 0 <= self.number < 2**15:
            raise ValueError(f"A kind's number is between 0 and 32767, not {self.number}.")

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def published(self):
        return self.model_class._default_manager.published()

    @property
    def first_id(self) -> int:
        return self.number << KIND_SHIFT

    @property
    def last_id(self) -> int:
        return ((self.number + 1) << KIND_SHIFT) - 1

    def document_id(self, pk: int) -> int:
        return self.first_id | pk

    def document_ids(self, pks) -> list[int]:
        return [self.first_id | pk for pk in pks]

    def object_ids(self, document_ids):
        """Primary keys of document ids of this kind (a numpy array or a list)."""
        return (
            document_ids - self.first_id
            if hasattr(document_ids, "dtype")
            else [d - self.first_id for d in document_ids]
        )


SEARCH_KINDS: dict[str, SearchKind] = {}


def register_search_kind(kind: SearchKind) -> SearchKind:
    taken = next((other for other in SEARCH_KINDS.values() if other.number == kind.number), None)
    if taken is not None and taken.slug != kind.slug:
        raise ValueError(f"Kind number {kind.number} is {taken.slug}'s.")
    SEARCH_KINDS[kind.slug] = kind
    return kind


def unregister_search_kind(slug: str) -> None:
    SEARCH_KINDS.pop(slug, None)


def search_kind_named(slug: str) -> SearchKind | None:
    return SEARCH_KINDS.get(slug)


def search_kinds() -> list[SearchKind]:
    """The tabs of the search page, by number: practices first."""
    return sorted(SEARCH_KINDS.values(), key=lambda kind: kind.number)


PRACTICES = "practices"  # the practice kind's slug, the search page's first tab
DEFAULT_KIND = PRACTICES
