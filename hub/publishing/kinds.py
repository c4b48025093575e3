"""The kinds of curated content, each registered once: what the shared workflow, the moderation
queue, search and feeds need to know of it. Shaped like hub/reactions/targets.py.

A content type joins by subclassing `Publishable` and calling `register()` from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.apps import apps
from django.template.loader import select_template
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.module_loading import import_string

from hub.search.kinds import SearchKind, register_search_kind, unregister_search_kind


@dataclass(frozen=True)
class ContentKind:
    slug: str  # "practice": mail template names, context variables
    url_name: str  # "practices": in URLs (/moderation/practices/12/, ?kind=practices)
    model: str  # "app_label.ModelName"
    label: str | Promise
    label_plural: str | Promise
    form: str  # dotted path of the form that submitters fill in and moderators edit with
    # Copies a valid form's cleaned_data onto the object, saves it and sets its relations.
    write: Callable[[object, dict], None]
    # What search needs of it (its number, text builder and facets): with it, the kind is indexed,
    # found by the site search and counted there, through the generic search_index().
    search: SearchKind | None = None
    # Brings the search index up to date for these objects: published ones in, the others out.
    # Given a `search`, it is hub.search.services.search_index for the kind unless said otherwise.
    index: Callable[[list], None] | None = None
    # Relations (many-to-many names) that a restored version brings back with the fields.
    restored_relations: tuple[str, ...] = ()
    # Fields a restore leaves as they are now (the workflow's, and the content type's own state).
    kept_on_restore: tuple[str, ...] = ()
    # Called by every workflow service once the object's change is recorded (what a kind's own
    # objects depend on: a progress update sets its pledge's state), with the object and who acted.
    after_change: Callable[[object, object], None] | None = None
    # The text fields people may translate (hub.publishing.models.ContentTranslation), in the order of
    # their weight in search: the first is searched as a title, the second as a summary, the rest as body.
    translatable: tuple[str, ...] = ()
    form_template: str = "publishing/_form_fields.html"
    review_extra_template: str | None = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.search is not None and self.translatable:
            # Its published translations are searched with it: a French reader finds it by French words.
            texts = TranslatedTexts(self.search.texts, self.slug, self.translatable)
            # Its results are shown in the reader's language where a translation is ready.
            object.__setattr__(self, "search", replace(self.search, texts=texts, for_display=_read_cards))
        if self.search is not None and self.index is None:
            object.__setattr__(self, "index", _indexer(self.search))

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def form_class(self):
        return import_string(self.form)

    def moderation_url(self, pk: int) -> str:
        return reverse("moderation:review", args=[self.url_name, pk])

    def mail_template(self, event: str) -> str:
        """mail/<kind>_<event>.txt where the kind has its own wording, mail/content_<event>.txt otherwise."""
        chosen = select_template([f"mail/{self.slug}_{event}.txt", f"mail/content_{event}.txt"])
        return chosen.template.name.removeprefix("mail/").removesuffix(".txt")


@dataclass(frozen=True)
class TranslatedTexts:
    """A kind's search text builder with its objects' ready translations added to their fields (what
    search reads through the registry; search never reads publishing's models itself)."""

    texts: Callable[[list[int]], list]
    kind: str
    translatable: tuple[str, ...]

    def __call__(self, object_ids: list[int]) -> list:
        from hub.publishing.models import ContentTranslation

        found = self.texts(object_ids)
        translated: dict[int, list[dict]] = {}
        rows = ContentTranslation.objects.filter(kind=self.kind, object_id__in=list(object_ids), published=True)
        for object_id, fields in rows.order_by("language").values_list("object_id", "fields"):
            translated.setdefault(object_id, []).append(fields)
        if not translated:
            return found
        return [(pk, language, self._with(texts, translated.get(pk, []))) for pk, language, texts in found]

    def _with(self, texts: dict[str, str], translations: list[dict]) -> dict[str, str]:
        texts = dict(texts)
        weighted = {
            name: ("title" if i == 0 else "summary" if i == 1 else "body") for i, name in enumerate(self.translatable)
        }
        for fields in translations:
            for name, field_name in weighted.items():
                if text := fields.get(name):
                    texts[field_name] = f"{texts.get(field_name, '')}\n{text}".strip()
        return texts


def _indexer(search: SearchKind) -> Callable[[list], None]:
    def index(objects: list) -> None:
        from hub.search.services import search_index

        search_index(kind=search, objects=objects)

    return index


KINDS: dict[str, ContentKind] = {}

# Called by every workflow service for an object of any kind once its change is recorded, as
# listener(obj, by=…, was_public=…): what other apps do when content changes (hub/follow's alerts),
# without the workflow knowing them. A listener that acts on the data defers it to transaction.on_commit.
CHANGE_LISTENERS: list[Callable[..., None]] = []


def listen_to_changes(listener: Callable[..., None]) -> None:
    if listener not in CHANGE_LISTENERS:
        CHANGE_LISTENERS.append(listener)


def announce_change(obj, *, by, was_public: bool) -> None:
    """Tells the listeners of a change: called by `_changed()`, and by what is public without the
    workflow (a forum post, published by the conversation services) so that it is followed the same way."""
    for listener in CHANGE_LISTENERS:
        listener(obj, by=by, was_public=was_public)


def register(kind: ContentKind) -> ContentKind:
    KINDS[kind.slug] = kind
    if kind.search is not None:
        register_search_kind(kind.search)
    return kind


def unregister(slug: str) -> None:
    kind = KINDS.pop(slug, None)
    if kind is not None and kind.search is not None:
        unregister_search_kind(kind.search.slug)


def _read_cards(objects) -> list:
    from hub.publishing.translations import read_cards  # translations reads this registry

    return read_cards(objects)


def kind_of(obj) -> ContentKind:
    label = obj._meta.label
    return next(kind for kind in KINDS.values() if kind.model == label)


def kind_named(url_name: str) -> ContentKind | None:
    return next((kind for kind in KINDS.values() if kind.url_name == url_name), None)
