from django.conf import settings
from django.db import transaction
from django.utils import translation

from hub.search.listing import listings_changed


@transaction.atomic
def vocabulary_save(*, term) -> None:
    """A topic, target group or sector added or renamed: published content of every kind that carries it
    is indexed under its new name, and every process refreshes its facet labels (in every language).

    Saved and indexed in English whatever the moderator's language: the original `name` column, which
    search documents read, holds the English name (hub/vocabularies/translation.py)."""
    with translation.override(settings.LANGUAGE_CODE):
        _save_and_index(term)
    listings_changed()


def _save_and_index(term) -> None:
    from hub.publishing.kinds import KINDS

    term.save()
    for kind in KINDS.values():
        if kind.index is None:
            continue
        for field in kind.model_class._meta.many_to_many:
            if field.related_model is type(term):
                carrying = kind.model_class.objects.published().filter(**{field.name: term})
                if carrying.exists():
                    kind.index(list(carrying))
