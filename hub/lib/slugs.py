from collections import Counter
from functools import reduce
from operator import or_

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify

# Bases looked up per query when several slugs clash: SQLite refuses very deep OR expressions.
CLASHES_PER_QUERY = 100


def _base(text: str, max_length: int, fallback: str) -> str:
    return slugify(text)[:max_length].strip("-") or fallback


def unique_slug(model, text: str, *, max_length: int = 200, fallback: str = "item") -> str:
    """A slug for `text` that no row of `model` has yet: "name", "name-2", "name-3", …"""
    base = _base(text, max_length, fallback)
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def save_with_unique_slug(obj, text: str, *, max_length: int = 200, fallback: str = "item", attempts: int = 5):
    """Inserts `obj` with a slug no other row has, even when another request inserts the same slug at the
    same moment: the insert runs in a savepoint and, if the slug was taken meanwhile, tries the next one.
    Any other integrity error (another unique field) is the caller's to handle."""
    model = type(obj)
    for _attempt in range(attempts):
        obj.slug = unique_slug(model, text, max_length=max_length, fallback=fallback)
        try:
            with transaction.atomic():
                obj.save()
            return obj
        except IntegrityError:
            if not model._default_manager.filter(slug=obj.slug).exists():
                raise
    raise IntegrityError(f"No free slug for {text!r} after {attempts} attempts")


def unique_slugs(model, texts: list[str], *, max_length: int = 200, fallback: str = "item") -> list[str]:
    """The slugs unique_slug would give `texts` saved one after the other, in a query or two for all
    of them rather than one or more each: the slugs taken are read first, the free ones chosen here."""
    bases = [_base(text, max_length, fallback) for text in texts]
    manager = model._default_manager
    taken = set(manager.filter(slug__in=set(bases)).values_list("slug", flat=True))
    counts = Counter(bases)
    clashing = sorted({base for base in bases if base in taken or counts[base] > 1})
    for start in range(0, len(clashing), CLASHES_PER_QUERY):
        numbered = reduce(or_, (Q(slug__startswith=f"{base}-") for base in clashing[start : start + CLASHES_PER_QUERY]))
        taken.update(manager.filter(numbered).values_list("slug", flat=True))
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs
